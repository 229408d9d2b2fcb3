<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BundleController</name>
    <message>
        <source>Write this station&apos;s records of the event to a file for another laptop</source>
        <translation>将本工作站的活动记录写入文件，供另一台电脑合并</translation>
    </message>
    <message>
        <source>&amp;Merge station bundles…</source>
        <translation>合并工作站数据包(&amp;M)…</translation>
    </message>
    <message>
        <source>S&amp;tations and bundles…</source>
        <translation>工作站与数据包(&amp;T)…</translation>
    </message>
    <message>
        <source>Bundle &amp;passphrase…</source>
        <translation>数据包口令(&amp;P)…</translation>
    </message>
    <message numerus="yes">
        <source>Not exported: %n record(s)</source>
        <translation>
            <numerusform>未导出：%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>All records exported</source>
        <translation>全部记录已导出</translation>
    </message>
    <message>
        <source>Unexported records</source>
        <translation>未导出的记录</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this station have not been exported to a bundle yet.</source>
        <translation>
            <numerusform>本工作站有 %n 条记录尚未导出到数据包。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>仍然关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Export station b&amp;undle…</source>
        <extracomment>What a merge may change (the tables of ``domain.bundle_schema``), as the pages listen for.</extracomment>
        <translation>导出工作站数据包(&amp;U)…</translation>
    </message>
    <message>
        <source>Station re&amp;gion…</source>
        <translation>工作站地区(&amp;G)…</translation>
    </message>
    <message>
        <source>The region this station records for in a cross-regional event</source>
        <translation>跨区域活动中本工作站所代表的地区</translation>
    </message>
    <message>
        <source>Not exported: unknown (no database connection)</source>
        <translation>未导出：未知（无法连接数据库）</translation>
    </message>
    <message>
        <source>&amp;Start a new event anyway</source>
        <translation>仍然新建活动(&amp;S)</translation>
    </message>
    <message>
        <source>Export station bundle</source>
        <translation>导出工作站数据包</translation>
    </message>
    <message>
        <source>Station bundles (*.rsdb)</source>
        <translation>工作站数据包 (*.rsdb)</translation>
    </message>
    <message>
        <source>Exporting the station bundle</source>
        <translation>正在导出工作站数据包</translation>
    </message>
    <message>
        <source>%1 records written to %2.</source>
        <translation>已将 %1 条记录写入 %2。</translation>
    </message>
    <message>
        <source>Merge station bundles</source>
        <translation>合并工作站数据包</translation>
    </message>
    <message>
        <source>Station bundles (*.rsdb);;All files (*)</source>
        <translation>工作站数据包 (*.rsdb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the bundles</source>
        <translation>正在读取数据包</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>数据包口令</translation>
    </message>
    <message>
        <source>The event&apos;s bundle passphrase:</source>
        <translation>活动的数据包口令：</translation>
    </message>
    <message>
        <source>Merging station bundles</source>
        <translation>正在合并工作站数据包</translation>
    </message>
    <message>
        <source>Merge cancelled; the database is as it was.</source>
        <translation>已取消合并，数据库保持原样。</translation>
    </message>
    <message>
        <source>Merged: %1 new, %2 updated, %3 conflicts, %4 possible duplicates to review.</source>
        <translation>已合并：新增 %1，更新 %2，待审核冲突 %3，疑似重复 %4。</translation>
    </message>
    <message>
        <source>Station bundles</source>
        <translation>工作站数据包</translation>
    </message>
    <message>
        <source>Bundles of this event are encrypted with this passphrase (empty: plain bundles). Tell it to the other stations by another way than the stick.</source>
        <translation>本活动的数据包将用此口令加密（留空：不加密）。请通过U盘以外的途径告知其他工作站。</translation>
    </message>
    <message>
        <source>Bundles of this event will be encrypted.</source>
        <translation>本活动的数据包将加密。</translation>
    </message>
    <message>
        <source>Bundles of this event will be plain.</source>
        <translation>本活动的数据包将不加密。</translation>
    </message>
    <message>
        <source>Station region</source>
        <translation>工作站地区</translation>
    </message>
    <message>
        <source>This event names no region; enter its region and partner regions on the event form first.</source>
        <translation>本活动未填写地区；请先在活动表单中填写活动地区和合作地区。</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（无地区）</translation>
    </message>
    <message>
        <source>This station (%1) records for:</source>
        <translation>本工作站（%1）所代表的地区：</translation>
    </message>
    <message>
        <source>This station&apos;s bundles will carry the region %1.</source>
        <translation>本工作站的数据包将标注地区 %1。</translation>
    </message>
    <message>
        <source>This station&apos;s bundles will carry no region.</source>
        <translation>本工作站的数据包将不标注地区。</translation>
    </message>
</context>
<context>
    <name>MergePreviewDialog</name>
    <message>
        <source>Merge station bundles</source>
        <translation>合并工作站数据包</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Kept after delete</source>
        <translation>删除后保留</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>%1 (already merged)</source>
        <translation>%1（已合并过）</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>The database already holds everything in these bundles.</source>
        <translation>数据库已包含这些数据包中的全部内容。</translation>
    </message>
    <message>
        <source>Nothing has been written yet. A backup is taken before the merge; conflicts and possible duplicates are kept for review.</source>
        <translation>尚未写入任何内容。合并前会先备份；冲突和疑似重复会留待审核。</translation>
    </message>
</context>
<context>
    <name>StationsDialog</name>
    <message>
        <source>Stations and bundles</source>
        <translation>工作站与数据包</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Merged up to</source>
        <translation>已合并至</translation>
    </message>
    <message>
        <source>Merged at</source>
        <translation>合并时间</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Not yet exported</source>
        <translation>尚未导出</translation>
    </message>
    <message>
        <source>Bundles merged here</source>
        <translation>已在本机合并的数据包</translation>
    </message>
    <message>
        <source>Covers up to</source>
        <translation>涵盖至</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>%1 (this laptop)</source>
        <translation>%1（本机）</translation>
    </message>
</context>
</TS>
