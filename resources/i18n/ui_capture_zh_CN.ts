<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaptureCommands</name>
    <message>
        <source>Record intention of %1</source>
        <translation>记录 %1 的意向</translation>
    </message>
    <message>
        <source>Edit intention</source>
        <translation>修改意向</translation>
    </message>
    <message>
        <source>Remove intention</source>
        <translation>删除意向</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <source>New capture (F2)</source>
        <translation>新建登记 (F2)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>意向登记</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xls *.csv *.ods)</source>
        <translation>表格 (*.xlsx *.xls *.csv *.ods)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 rejected.</source>
        <translation>新增 %1，更新 %2，未变 %3，拒收 %4。</translation>
    </message>
    <message>
        <source>Rejected rows and their reasons: %1</source>
        <translation>拒收的行及原因：%1</translation>
    </message>
    <message>
        <source>Paper sheets imported</source>
        <translation>纸质登记表已导入</translation>
    </message>
    <message>
        <source>Paper sheets not imported</source>
        <translation>纸质登记表未导入</translation>
    </message>
    <message>
        <source>Import paper sheets or online-form exports…</source>
        <translation>导入纸质登记表或在线问卷导出…</translation>
    </message>
    <message>
        <source>Import transcribed paper sheets or online-form exports</source>
        <translation>导入录入的纸质登记表或在线问卷导出</translation>
    </message>
    <message>
        <source>Read as: %1</source>
        <translation>识别为：%1</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <source>Name, credit code, phone or pinyin initials</source>
        <translation>名称、信用代码、电话或拼音首字母</translation>
    </message>
    <message>
        <source>Application number or words of the title</source>
        <translation>申请号或专利名称中的词</translation>
    </message>
    <message>
        <source>Prospects (1–5)</source>
        <translation>前景评价 (1–5)</translation>
    </message>
    <message>
        <source>— budget —</source>
        <translation>— 预算 —</translation>
    </message>
    <message>
        <source>— timeline —</source>
        <translation>— 时间计划 —</translation>
    </message>
    <message>
        <source>Enterp&amp;rise</source>
        <translation>企业(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Patent</source>
        <translation>专利(&amp;P)</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Budget, timeline</source>
        <translation>预算、时间</translation>
    </message>
    <message>
        <source>Contact, phone</source>
        <translation>联系人、电话</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <source>New (F2)</source>
        <translation>新建 (F2)</translation>
    </message>
    <message>
        <source>New intention</source>
        <translation>新意向</translation>
    </message>
    <message>
        <source>Prospects (1–5), required</source>
        <translation>前景评价 (1–5)，必填</translation>
    </message>
    <message>
        <source>Intention changed.</source>
        <translation>意向已修改。</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <source>Editing an intention (Esc: cancel)</source>
        <translation>正在修改意向（Esc 取消）</translation>
    </message>
    <message>
        <source>Intention removed (Ctrl+Z brings it back).</source>
        <translation>意向已删除（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>The scan was incomplete; scan the code again.</source>
        <translation>扫码不完整，请重新扫码。</translation>
    </message>
    <message>
        <source>This badge belongs to no enterprise in this database; search by name.</source>
        <translation>本数据库中没有这张胸卡对应的企业；请按名称查找。</translation>
    </message>
    <message>
        <source>The patent %1 is not in the library.</source>
        <translation>专利库中没有专利 %1。</translation>
    </message>
    <message>
        <source>Scanned: %1</source>
        <translation>已扫描：%1</translation>
    </message>
</context>
<context>
    <name>TodayList</name>
    <message>
        <source>Today: %1 intentions (%2 at this desk)</source>
        <translation>今日：%1 条意向（本台 %2 条）</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>登记台</translation>
    </message>
</context>
</TS>
