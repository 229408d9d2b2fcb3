<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results of</source>
        <extracomment>The breakdowns the chart can show (keys of ``result_tables``).</extracomment>
        <translation>成果范围</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Include contact persons and phones</source>
        <translation>包含联系人和电话</translation>
    </message>
    <message>
        <source>In the exported report and the typical case; left out unless ticked.</source>
        <translation>用于导出的报告和典型案例;不勾选则不包含。</translation>
    </message>
    <message>
        <source>Click a bar to list the intentions behind it.</source>
        <translation>点击图中的条形，列出其背后的对接意向。</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Write up as typical case…</source>
        <translation>写成典型案例…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>对接成果</translation>
    </message>
    <message>
        <source>Intentions by kind</source>
        <translation>按意向类型</translation>
    </message>
    <message>
        <source>Intentions by technical field</source>
        <translation>按技术领域</translation>
    </message>
    <message>
        <source>Intentions by institution</source>
        <translation>按高校院所</translation>
    </message>
    <message>
        <source>Intentions by enterprise type</source>
        <translation>按企业类型</translation>
    </message>
    <message>
        <source>Intentions by region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>Intentions by enterprise region</source>
        <translation>按企业所在地区</translation>
    </message>
    <message>
        <source>Intentions by roadshow session</source>
        <translation>按路演场次</translation>
    </message>
    <message>
        <source>From shortlist to contract</source>
        <translation>从入选到签约</translation>
    </message>
    <message>
        <source>All events in a period</source>
        <translation>某一时间段内的全部活动</translation>
    </message>
    <message>
        <source>Give the first or the last day of the period.</source>
        <translation>请填写时间段的开始或结束日期。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n intention(s)</source>
        <translation>
            <numerusform>%1:%n 条意向</numerusform>
        </translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF report (*.pdf);;Workbook (*.xlsx)</source>
        <translation>PDF 报告 (*.pdf);;工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>无法写入文件:%1</translation>
    </message>
    <message>
        <source>Write up as typical case</source>
        <translation>写成典型案例</translation>
    </message>
    <message>
        <source>Select a signed intention in the list first.</source>
        <translation>请先在列表中选择一条已签合同的意向。</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <translation>已写入 %1 和 %2。</translation>
    </message>
</context>
</TS>
