<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintPage</name>
    <message>
        <source>Choose a document and press Preview to see it here before printing or saving.</source>
        <translation>选择文档并点击“预览”，打印或保存前可在此查看。</translation>
    </message>
    <message>
        <source>One patent per page</source>
        <translation>每页一项专利</translation>
    </message>
    <message>
        <source>Two patents per page</source>
        <translation>每页两项专利</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The whole event</source>
        <translation>整场活动</translation>
    </message>
    <message>
        <source>Cover, foreword, contents, the shortlisted patents by technical field with their QR codes, and an index by institution.</source>
        <translation>封面、前言、目录，按技术领域排列的推介专利（附二维码），以及机构索引。</translation>
    </message>
    <message>
        <source>A large QR code to the event&apos;s sign-up link and ruled rows to write on (A4 landscape).</source>
        <translation>大幅报名二维码，以及可手写填写的表格（A4 横向）。</translation>
    </message>
    <message>
        <source>A folded A4 table tent per shortlisted patent, readable from both sides.</source>
        <translation>每项推介专利一张 A4 折叠桌牌，两面均可阅读。</translation>
    </message>
    <message>
        <source>Eight badges to an A4 sheet, each with the QR code desks scan.</source>
        <translation>每张 A4 纸八个胸牌，每个带供签到处扫描的二维码。</translation>
    </message>
    <message>
        <source>The roadshow sessions with their times, patents and presenters.</source>
        <translation>各路演场次的时间、专利和路演人。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), ready to print or save.</source>
        <translation>
            <numerusform>共 %n 页，可以打印或保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Building the %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <source>The document could not be made: %1</source>
        <translation>无法生成文档：%1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved to %1 (%2).</source>
        <translation>无法将 PDF 保存到 %1（%2）。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Writing the transcription workbook</source>
        <translation>正在生成录入模板</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>已将 %n 页发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>版式(&amp;L)</translation>
    </message>
    <message>
        <source>Even&amp;t</source>
        <translation>活动(&amp;T)</translation>
    </message>
    <message>
        <source>Sessio&amp;n</source>
        <translation>场次(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation>纸张(&amp;A)</translation>
    </message>
    <message>
        <source>Sheet pa&amp;ges</source>
        <translation>报名表页数(&amp;G)</translation>
    </message>
    <message>
        <source>Only enterprises that have &amp;checked in</source>
        <translation>仅限已签到的企业(&amp;C)</translation>
    </message>
    <message>
        <source>P&amp;review</source>
        <translation>预览(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Transcription &amp;workbook…</source>
        <translation>录入模板(&amp;W)…</translation>
    </message>
    <message>
        <source>An Excel workbook with the sheet&apos;s columns to type the filled sheets into, for 导入意向 / intentions import.</source>
        <translation>与登记表列相同的 Excel 模板，用于录入填好的纸质登记表，再通过“导入意向”导入。</translation>
    </message>
    <message>
        <source>Save the transcription workbook</source>
        <translation>保存录入模板</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
</TS>
