<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BundleKinds</name>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Registrations and check-ins</source>
        <translation>报名与签到</translation>
    </message>
    <message>
        <source>Roadshow sessions</source>
        <translation>路演场次</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>路演时段</translation>
    </message>
    <message>
        <source>Shortlist entries</source>
        <translation>推介清单条目</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Follow-up entries</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>Patents</source>
        <translation>专利</translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <source>Demo stations need a database file (not a server).</source>
        <translation>演示工作站需要数据库文件（不能是服务器）。</translation>
    </message>
    <message>
        <source>The demo has between 1 and 8 more stations.</source>
        <translation>演示可另加 1 至 8 个工作站。</translation>
    </message>
    <message>
        <source>Collecting this station&apos;s records…</source>
        <extracomment>The patent fields a bundle carries (enough to create a missing patent for an intention). One record as one line (json.dumps would build an encoder for every call).</extracomment>
        <translation>正在收集本工作站的记录…</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <source>“%1” is damaged; nothing was merged.</source>
        <translation>“%1”已损坏；未合并任何内容。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>“%1” is empty: it is not a station bundle; nothing was merged.</source>
        <translation>“%1”是空文件，不是工作站数据包；未合并任何内容。</translation>
    </message>
    <message>
        <source>“%1” is damaged or incomplete (was it copied to the end?); nothing was merged.</source>
        <translation>“%1”已损坏或不完整（是否没有拷贝完？）；未合并任何内容。</translation>
    </message>
    <message>
        <source>“%1” is not a station bundle; nothing was merged.</source>
        <translation>“%1”不是工作站数据包；未合并任何内容。</translation>
    </message>
    <message>
        <source>“%1” was written by a newer version of Roadshow Desk; update the app to merge it. Nothing was merged.</source>
        <translation>“%1”由更新版本的路演服务台生成，请升级软件后再合并。未合并任何内容。</translation>
    </message>
    <message>
        <source>“%1” is damaged (its checksum does not match); nothing was merged.</source>
        <translation>“%1”已损坏（校验和不符）；未合并任何内容。</translation>
    </message>
    <message>
        <source>“%1” is encrypted: give the event&apos;s bundle passphrase (or set ROADSHOW_DESK_PASSPHRASE); nothing was merged.</source>
        <translation>“%1”已加密：请提供活动的数据包口令（或设置 ROADSHOW_DESK_PASSPHRASE）；未合并任何内容。</translation>
    </message>
    <message>
        <source>The passphrase does not open “%1” (or the file is damaged); nothing was merged.</source>
        <translation>口令无法打开“%1”（或文件已损坏）；未合并任何内容。</translation>
    </message>
    <message>
        <source>Merging station bundles…</source>
        <translation>正在合并工作站数据包…</translation>
    </message>
    <message>
        <source>“%1” belongs to another event (“%2”), which this database does not hold; nothing was merged.</source>
        <translation>“%1”属于另一场活动（“%2”），本数据库中没有该活动；未合并任何内容。</translation>
    </message>
    <message>
        <source>“%1” holds records this version cannot read; nothing was merged.</source>
        <translation>“%1”中有本版本无法读取的记录；未合并任何内容。</translation>
    </message>
    <message>
        <source>The clock of station %1 differed from this computer&apos;s by about %2 minutes; check the times of its records.</source>
        <translation>工作站 %1 的时钟与本机相差约 %2 分钟，请核对其记录的时间。</translation>
    </message>
    <message>
        <source>A firm checked in again at %1 at %2 was already checked in at %3 at %4; the first check-in stands.</source>
        <translation>一家企业于 %1 在 %2 再次签到，但已于 %3 在 %4 签到；以首次签到为准。</translation>
    </message>
    <message>
        <source>same credit code %1</source>
        <translation>统一社会信用代码相同：%1</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>same enterprise, patent and kind within minutes</source>
        <translation>数分钟内同一企业、同一专利、同一意向类型</translation>
    </message>
    <message>
        <source>%1 records of “%2” refer to records that neither the bundle nor this database holds and were not merged.</source>
        <translation>“%2”中有 %1 条记录引用了数据包和本数据库中都没有的记录，未合并。</translation>
    </message>
    <message>
        <source>Two stations changed “%1” of the same record differently; the later change stands.</source>
        <translation>两个工作站对同一记录的“%1”作了不同修改；以较晚的修改为准。</translation>
    </message>
    <message>
        <source>A region name has at most 100 characters.</source>
        <translation>地区名称最多 100 个字符。</translation>
    </message>
</context>
<context>
    <name>EnterpriseFields</name>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enterprise type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>技术需求关键词</translation>
    </message>
    <message>
        <source>IPC interests</source>
        <translation>关注IPC</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Consent to be contacted</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>There is no event yet; create one first.</source>
        <translation>还没有活动，请先创建一个。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>“%1” must end in .xlsx or .csv to say which format to write.</source>
        <translation>“%1”的扩展名必须是 .xlsx 或 .csv，以确定写出的格式。</translation>
    </message>
    <message>
        <source>“%1” must end in .xlsx for a transcription workbook.</source>
        <translation>录入模板“%1”的文件名须以 .xlsx 结尾。</translation>
    </message>
    <message>
        <source>The folder of “%1” does not exist.</source>
        <translation>“%1”所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>“%1” cannot be written; it may be open in another program.</source>
        <translation>无法写入“%1”，它可能正被其他程序打开。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>“%1” has no “%2” column (for example one headed “%3”); nothing was imported.</source>
        <translation>“%1”中没有“%2”列（例如表头为“%3”的列），未导入任何内容。</translation>
    </message>
    <message>
        <source>Column “%1”: %2</source>
        <translation>“%1”列：%2</translation>
    </message>
    <message>
        <source>Column “%1” is empty, but it is needed.</source>
        <translation>“%1”列为空，但这一项是必填的。</translation>
    </message>
    <message>
        <source>Column “%1”: the text has %2 characters, more than the %3 allowed.</source>
        <translation>“%1”列：文本有 %2 个字符，超过允许的 %3 个。</translation>
    </message>
    <message>
        <source>“%1” is not a real date.</source>
        <extracomment>Items that stand for &quot;no name given&quot; in real exports.</extracomment>
        <translation>“%1”不是存在的日期。</translation>
    </message>
    <message>
        <source>“%1” is not a date (write it like 2022-01-07).</source>
        <translation>“%1”不是日期（请写成 2022-01-07 这样的格式）。</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <source>“%1” is neither yes (是) nor no (否).</source>
        <translation>“%1”既不是“是”也不是“否”。</translation>
    </message>
    <message>
        <source>“%1” is not a grade from 1 to 5.</source>
        <translation>“%1”不是 1 到 5 之间的等级。</translation>
    </message>
    <message>
        <source>“%1” is not a conversion mode (转让, 许可, 开放许可, 作价入股, 产学研合作).</source>
        <extracomment>Export labels: one Chinese word per status; :func:`parse_legal_status` reads them back.</extracomment>
        <translation>“%1”不是转化方式（转让、许可、开放许可、作价入股、产学研合作）。</translation>
    </message>
    <message>
        <source>The application number is empty.</source>
        <translation>申请号为空。</translation>
    </message>
    <message>
        <source>“%1” is a publication number, not an application number (like CN202210016632.1).</source>
        <translation>“%1”是公开号，不是申请号（申请号形如 CN202210016632.1）。</translation>
    </message>
    <message>
        <source>“%1” has the wrong number of digits for an application number (12, or 8 before October 2003).</source>
        <translation>“%1”的位数不符合申请号（应为 12 位，2003 年 10 月以前为 8 位）。</translation>
    </message>
    <message>
        <source>“%1” cannot be an application number: its filing year is impossible.</source>
        <translation>“%1”不可能是申请号：其中的申请年份不成立。</translation>
    </message>
    <message>
        <source>“%1” cannot be an application number: its patent-type digit must be 1, 2, 3, 8 or 9.</source>
        <translation>“%1”不可能是申请号：其专利类型位必须是 1、2、3、8 或 9。</translation>
    </message>
    <message>
        <source>“%1” has the check character %2, but these digits need %3; a digit or the check character is mistyped.</source>
        <translation>“%1”的校验位是 %2，但这些数字对应的校验位应为 %3；某一位数字或校验位录入有误。</translation>
    </message>
    <message>
        <source>“%1” is not a Chinese patent application number (like CN202210016632.1).</source>
        <translation>“%1”不是中国专利申请号（申请号形如 CN202210016632.1）。</translation>
    </message>
    <message>
        <source>“%1” has a header but no rows; nothing was imported.</source>
        <translation>“%1”只有表头没有数据行，未导入任何内容。</translation>
    </message>
    <message>
        <source>Checking rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>“%1” is also in row %2; only that row was imported.</source>
        <translation>“%1”也出现在第 %2 行；只导入了那一行。</translation>
    </message>
    <message>
        <source>This row repeats row %1 (same application number %2, same values).</source>
        <extracomment>Bump when a parser changes what it makes of a cell: fingerprints then no longer match, so the next re-import compares (and corrects) every row.</extracomment>
        <translation>此行与第 %1 行重复（申请号 %2 相同，各项内容也相同）。</translation>
    </message>
    <message>
        <source>The application number %2 is also in row %1 with other values; only that row was imported.</source>
        <translation>申请号 %2 在第 %1 行也出现且内容不同；只导入了那一行。</translation>
    </message>
    <message>
        <source>Writing patents…</source>
        <translation>正在写入专利…</translation>
    </message>
    <message>
        <source>Row in the original file</source>
        <translation>原文件中的行号</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>未导入的原因</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <extracomment>Characters of text looked at to choose the delimiter. ``header_score(cells) -&gt; int``: how much a row looks like the header (0: not at all).</extracomment>
        <translation>文件“%1”不存在。</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a table file.</source>
        <translation>“%1”是文件夹，不是表格文件。</translation>
    </message>
    <message>
        <source>The file “%1” cannot be opened: %2.</source>
        <translation>无法打开文件“%1”：%2。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>The workbook “%1” is protected with a password; save an unprotected copy and import that.</source>
        <translation>工作簿“%1”设有密码保护；请另存一份不加密的副本再导入。</translation>
    </message>
    <message>
        <source>“%1” cannot be read as a spreadsheet: it is damaged or not an Excel file.</source>
        <translation>无法将“%1”作为电子表格读取：文件已损坏或不是 Excel 文件。</translation>
    </message>
    <message>
        <source>The workbook “%1” has no sheet “%2”.</source>
        <translation>工作簿“%1”中没有工作表“%2”。</translation>
    </message>
    <message>
        <source>The sheet “%2” of “%1” cannot be read: the workbook is damaged.</source>
        <translation>无法读取“%1”中的工作表“%2”：工作簿已损坏。</translation>
    </message>
    <message>
        <source>The workbook “%1” has no data in any sheet.</source>
        <translation>工作簿“%1”的各工作表中都没有数据。</translation>
    </message>
    <message>
        <source>The text encoding of “%1” cannot be recognised; save it as UTF-8 or as an Excel workbook.</source>
        <translation>无法识别“%1”的文字编码；请另存为 UTF-8 编码或 Excel 工作簿。</translation>
    </message>
    <message>
        <source>“%1” is neither a spreadsheet nor a text table (it contains binary data).</source>
        <translation>“%1”既不是电子表格也不是文本表格（其中含有二进制数据）。</translation>
    </message>
    <message>
        <source>The file “%1” is empty.</source>
        <translation>文件“%1”是空的。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: a quoted cell that starts on line %2 never ends (a closing quote mark is missing).</source>
        <translation>无法读取“%1”：从第 %2 行开始的带引号单元格没有结束（缺少结尾的引号）。</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>第%1列</translation>
    </message>
    <message>
        <source>“%1” is not an intention kind (transfer, licence, open licence, investment, improvement need, cooperation or no demand).</source>
        <translation>“%1”不是意向类型（转让、许可、开放许可、作价入股、技术改进需求、产学研合作或无需求）。</translation>
    </message>
    <message>
        <source>“%1” is not a budget (write an amount like 50万 or a range).</source>
        <translation>“%1”不是预算（请写金额如 50万，或区间）。</translation>
    </message>
    <message>
        <source>“%1” is not a timeline (like 3个月内, 半年内, 一年内 or 待定).</source>
        <translation>“%1”不是时间计划（如 3个月内、半年内、一年内或待定）。</translation>
    </message>
    <message>
        <source>“%1” is not a date.</source>
        <translation>“%1”不是日期。</translation>
    </message>
    <message>
        <source>The row names no enterprise.</source>
        <translation>该行没有写明企业。</translation>
    </message>
    <message>
        <source>“%1” is not in the enterprise registry; register it (or import the registration list) and import this row again.</source>
        <translation>企业名录中没有“%1”；请先登记该企业（或导入报名名单），再重新导入此行。</translation>
    </message>
    <message>
        <source>The patent %1 is not in the library.</source>
        <translation>专利库中没有专利 %1。</translation>
    </message>
    <message>
        <source>The row names no patent (no application number or title).</source>
        <translation>该行没有写明专利（无申请号或专利名称）。</translation>
    </message>
    <message>
        <source>The event has no roadshow session “%1”.</source>
        <translation>活动没有名为“%1”的路演场次。</translation>
    </message>
    <message>
        <source>Several patents are titled “%1”; write the application number.</source>
        <translation>有多件专利名为“%1”；请填写申请号。</translation>
    </message>
    <message>
        <source>The session has no slot %1.</source>
        <translation>该场次没有第 %1 号路演。</translation>
    </message>
    <message>
        <source>The event has no booth %1.</source>
        <translation>活动没有 %1 号展位。</translation>
    </message>
    <message>
        <source>No patent in the library is titled “%1”.</source>
        <translation>专利库中没有名为“%1”的专利。</translation>
    </message>
    <message>
        <source>“%1” has no column naming the patent (专利申请号 or 专利名称); nothing was imported.</source>
        <translation>“%1”没有标明专利的列（专利申请号或专利名称）；未导入任何内容。</translation>
    </message>
    <message>
        <source>The database cannot be reached, so nothing was imported; import the file again when the connection is back.</source>
        <translation>无法连接数据库，因此没有导入任何内容；连接恢复后请重新导入该文件。</translation>
    </message>
</context>
<context>
    <name>IntentionFields</name>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Patent application number</source>
        <translation>专利申请号</translation>
    </message>
    <message>
        <source>Patent (number, slot, booth or title)</source>
        <translation>专利（申请号、场次序号、展位号或名称）</translation>
    </message>
    <message>
        <source>Roadshow session</source>
        <translation>路演场次</translation>
    </message>
    <message>
        <source>Patent title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向类型</translation>
    </message>
    <message>
        <source>Prospect rating</source>
        <translation>产业化前景评价</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间计划</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Captured at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>登记台</translation>
    </message>
    <message>
        <source>Answer number</source>
        <translation>答卷编号</translation>
    </message>
</context>
<context>
    <name>Invitations</name>
    <message>
        <source>Application number</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Patent title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>匹配理由</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Agreed to be contacted</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>邀请名单</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Roadshow Desk export</source>
        <translation>路演台导出文件</translation>
    </message>
    <message>
        <source>Patentics</source>
        <translation>Patentics</translation>
    </message>
    <message>
        <source>incoPat</source>
        <translation>incoPat</translation>
    </message>
    <message>
        <source>PatSnap</source>
        <translation>智慧芽 PatSnap</translation>
    </message>
    <message>
        <source>CNIPA patent search</source>
        <translation>国家知识产权局专利检索</translation>
    </message>
    <message>
        <source>Chinese patent research database</source>
        <translation>中国专利数据库（研究用）</translation>
    </message>
    <message>
        <source>Wenjuanxing (问卷星) export</source>
        <extracomment>The questionnaire services, recognised by the columns only they write.</extracomment>
        <translation>问卷星导出</translation>
    </message>
    <message>
        <source>Tencent Survey (腾讯问卷) export</source>
        <translation>腾讯问卷导出</translation>
    </message>
    <message>
        <source>Jinshuju (金数据) export</source>
        <translation>金数据导出</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Intentions</source>
        <extracomment>Columns of the raw intentions left out unless contacts are asked for.</extracomment>
        <translation>对接意向</translation>
    </message>
    <message>
        <source>“%1” must end in .xlsx or .pdf.</source>
        <translation>“%1”的扩展名须为 .xlsx 或 .pdf。</translation>
    </message>
</context>
<context>
    <name>SignupForm</name>
    <message>
        <source>Sign-up sheet</source>
        <translation>报名登记表</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Choose one; for several ticks type their numbers, as 1、3.</source>
        <translation>请选择一项；勾了多项时输入各项编号，如 1、3。</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>前景评分</translation>
    </message>
    <message>
        <source>Rate the prospects from 1 to 5 (only with no demand).</source>
        <translation>请为产业化前景打 1 到 5 分（仅“无需求”时填写）。</translation>
    </message>
    <message>
        <source>Patents of the session</source>
        <translation>本场路演专利</translation>
    </message>
</context>
</TS>
