<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LibraryCommands</name>
    <message>
        <source>Edit patent %1</source>
        <translation>修改专利 %1</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Edit patent…</source>
        <translation>修改专利…</translation>
    </message>
    <message>
        <source>Patent library</source>
        <translation>专利库</translation>
    </message>
    <message>
        <source>Patents: %1</source>
        <translation>专利：%1 件</translation>
    </message>
    <message>
        <source>No patent matches</source>
        <translation>没有符合条件的专利</translation>
    </message>
    <message>
        <source>Try other words or fewer ticked filters, or press “Clear filters” to see all %1 patents.</source>
        <translation>请换个搜索词或少勾选几项筛选条件，或点击“清除筛选”查看全部 %1 件专利。</translation>
    </message>
    <message>
        <source>Edit patent</source>
        <translation>修改专利</translation>
    </message>
</context>
<context>
    <name>PatentDetailPane</name>
    <message>
        <source>Edit patent…</source>
        <translation>修改专利…</translation>
    </message>
    <message>
        <source>Identification and dates</source>
        <translation>编号与日期</translation>
    </message>
    <message>
        <source>Owners and inventors</source>
        <translation>权利人与发明人</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Value indicators</source>
        <translation>价值指标</translation>
    </message>
    <message>
        <source>Conversion offer</source>
        <translation>转化意向</translation>
    </message>
    <message>
        <source>Select a patent to see its details.</source>
        <translation>选择一件专利以查看详情。</translation>
    </message>
    <message>
        <source>edited locally</source>
        <translation>已在本地修改</translation>
    </message>
</context>
<context>
    <name>PatentDialog</name>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Edit patent %1</source>
        <translation>修改专利 %1</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Edit patent</source>
        <translation>修改专利</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Separate several with a semicolon (;)</source>
        <translation>多项之间用分号（;）分隔</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Value and offer</source>
        <translation>价值与转化</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>文字说明</translation>
    </message>
    <message>
        <source>Changed fields are kept as local edits: a later re-import of the institution&apos;s file shows them as conflicts instead of overwriting them.</source>
        <translation>修改过的字段会作为本地修改保留：以后重新导入单位的文件时，这些字段会显示为冲突，而不会被直接覆盖。</translation>
    </message>
</context>
</TS>
