<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictReviewDialog</name>
    <message>
        <source>There are no conflicts to review.</source>
        <translation>没有需要处理的冲突。</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Keep mine for all conflicts</source>
        <translation>全部冲突保留我的值</translation>
    </message>
    <message>
        <source>Take the file&apos;s values for all conflicts</source>
        <translation>全部冲突采用文件的值</translation>
    </message>
    <message>
        <source>Keep mine for %1 conflicts</source>
        <translation>%1 处冲突保留我的值</translation>
    </message>
    <message>
        <source>Take the file&apos;s values for %1 conflicts</source>
        <translation>%1 处冲突采用文件的值</translation>
    </message>
    <message>
        <source>Keep my %1 of %2</source>
        <translation>保留 %2 的我的%1</translation>
    </message>
    <message>
        <source>Take the file&apos;s %1 of %2</source>
        <translation>采用文件中 %2 的%1</translation>
    </message>
    <message>
        <source>Review conflicts</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>You edited these fields, and the imported file has other values for them. Choose, field by field or for all, whether to keep your value or take the file&apos;s.</source>
        <translation>您修改过这些字段，而导入的文件中有不同的值。请逐项或一次性选择：保留您的值，还是采用文件中的值。</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的值</translation>
    </message>
    <message>
        <source>The file&apos;s</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take the file&apos;s</source>
        <translation>采用文件的(&amp;T)</translation>
    </message>
    <message>
        <source>Keep mine for &amp;all</source>
        <translation>全部保留我的(&amp;A)</translation>
    </message>
    <message>
        <source>Take the file&apos;s for a&amp;ll</source>
        <translation>全部采用文件的(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import patents…</source>
        <extracomment>Files the window accepts for import (by name; the content decides the format).</extracomment>
        <translation>导入专利(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a patent list (.xlsx, .xls, .csv); a re-import updates it</source>
        <translation>导入专利清单（.xlsx、.xls、.csv）；再次导入会更新已有专利</translation>
    </message>
    <message>
        <source>Review import &amp;conflicts…</source>
        <translation>处理导入冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Import &amp;enterprises…</source>
        <translation>导入企业(&amp;E)…</translation>
    </message>
    <message>
        <source>Import an enterprise registration list; a re-import updates it</source>
        <translation>导入企业报名表；再次导入会更新已有企业</translation>
    </message>
    <message>
        <source>Import patents</source>
        <translation>导入专利</translation>
    </message>
    <message>
        <source>Patent lists (*.xlsx *.xls *.csv *.txt);;All files (*)</source>
        <translation>专利清单 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <source>Registration lists (*.xlsx *.xls *.csv *.txt);;All files (*)</source>
        <translation>报名表 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>No recent imports</source>
        <translation>没有最近导入的文件</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 updated.</source>
        <translation>已导入 %1：新增 %2 件，更新 %3 件。</translation>
    </message>
    <message>
        <source>%1 firms newly signed up for “%2”.</source>
        <translation>%1 家企业新报名“%2”。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>已取消导入</translation>
    </message>
    <message>
        <source>The import was cancelled; the library is as it was.</source>
        <translation>导入已取消，专利库保持原样。</translation>
    </message>
    <message>
        <source>%1 was not imported</source>
        <translation>%1 未能导入</translation>
    </message>
    <message>
        <source>&amp;Recent imports</source>
        <translation>最近导入(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ImportMappingDialog</name>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>The mapping was saved as “%1”.</source>
        <translation>已将此对应关系保存为“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>sheet “%1”</source>
        <translation>工作表“%1”</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>编码 %1</translation>
    </message>
    <message>
        <source>recognised as %1</source>
        <translation>识别为%1</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Choose the column that holds the application number.</source>
        <translation>请选择存放申请号的列。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 rejected, %5 conflicts to review.</source>
        <translation>新增 %1，更新 %2，未变 %3，未导入 %4，待处理冲突 %5。</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Import patents</source>
        <translation>导入专利</translation>
    </message>
    <message>
        <source>Which column holds each field:</source>
        <translation>各字段对应文件中的哪一列：</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Name of this mapping</source>
        <translation>此对应关系的名称</translation>
    </message>
    <message>
        <source>Save as &amp;preset</source>
        <translation>保存为预设(&amp;P)</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message numerus="yes">
        <source>Rows that are later publications of a patent in the file, to be merged into it: %n.</source>
        <translation>
            <numerusform>另有 %n 行是文件中同一专利的后续公告文本，将合并到该专利。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>“%1” was imported.</source>
        <translation>“%1”已导入。</translation>
    </message>
    <message>
        <source>“%1” brought nothing new.</source>
        <translation>“%1”没有带来新内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows were later publications of a patent in the file and were merged into it.</source>
        <translation>
            <numerusform>有 %n 行是文件中同一专利的后续公告文本，已合并到该专利。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 firms newly signed up for “%2”; %3 were signed up already.</source>
        <translation>%1 家企业新报名“%2”；另有 %3 家此前已报名。</translation>
    </message>
    <message>
        <source>The rejected rows and why: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;. Correct them there and import that file again.</source>
        <translation>未导入的行及原因：&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;。在该文件中改正后再导入即可。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>New patents:</source>
        <translation>新增专利：</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>已更新：</translation>
    </message>
    <message>
        <source>Unchanged:</source>
        <translation>未变：</translation>
    </message>
    <message>
        <source>Rejected rows:</source>
        <translation>未导入的行：</translation>
    </message>
    <message>
        <source>Conflicts to review:</source>
        <translation>待处理冲突：</translation>
    </message>
    <message>
        <source>&amp;Review conflicts…</source>
        <translation>处理冲突(&amp;R)…</translation>
    </message>
    <message>
        <source>New enterprises:</source>
        <translation>新增企业：</translation>
    </message>
    <message>
        <source>New intentions:</source>
        <translation>新增意向：</translation>
    </message>
    <message>
        <source>Before the import, the database was backed up as %1 (File ▸ Backups… lists and restores the backups).</source>
        <translation>导入前已将数据库备份为 %1（文件 ▸ 备份… 可查看并恢复备份）。</translation>
    </message>
</context>
<context>
    <name>SignUpTargetDialog</name>
    <message>
        <source>“%1” is a sign-up list: its firms are added to the registry and signed up for the event, so their badges print and the desk finds them signed up.</source>
        <translation>“%1”是报名表：表中企业将加入企业名录并报名该活动，之后可打印胸牌，签到台也会显示其已报名。</translation>
    </message>
    <message>
        <source>No event: only add them to the registry</source>
        <translation>不报名活动：只加入企业名录</translation>
    </message>
    <message>
        <source>The firms are signed up for no event.</source>
        <translation>这些企业不会报名任何活动。</translation>
    </message>
    <message>
        <source>Firms already signed up stay signed up; nobody is checked in.</source>
        <translation>已报名的企业保持报名；不会为任何企业签到。</translation>
    </message>
    <message>
        <source>Import a sign-up list</source>
        <translation>导入报名表</translation>
    </message>
    <message>
        <source>Sign them up &amp;for:</source>
        <translation>报名活动(&amp;F)：</translation>
    </message>
</context>
</TS>
