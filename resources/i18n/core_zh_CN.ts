<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Agenda</name>
    <message>
        <source>A slot lasts from 1 to %1 minutes.</source>
        <translation>每个路演时段为 1 至 %1 分钟。</translation>
    </message>
    <message>
        <source>This roadshow session no longer exists.</source>
        <translation>该路演场次已不存在。</translation>
    </message>
    <message>
        <source>This slot no longer exists.</source>
        <translation>该路演时段已不存在。</translation>
    </message>
    <message>
        <source>The session needs a title.</source>
        <translation>请填写场次名称。</translation>
    </message>
    <message>
        <source>This patent no longer exists.</source>
        <translation>该专利已不存在。</translation>
    </message>
    <message>
        <source>The shortlist has no included patent without a slot; add patents to the shortlist first.</source>
        <translation>遴选清单中没有尚未安排时段的入选专利；请先向遴选清单添加专利。</translation>
    </message>
    <message>
        <source>The new order must list every slot of the session once.</source>
        <translation>新的顺序必须包含该场次的每个时段且各出现一次。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>before an import</source>
        <translation>导入之前</translation>
    </message>
    <message>
        <source>before an upgrade of the database</source>
        <translation>数据库升级之前</translation>
    </message>
    <message>
        <source>before a merge</source>
        <translation>合并之前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <source>before a change</source>
        <translation>修改之前</translation>
    </message>
    <message>
        <source>Only a database file can be restored from a backup.</source>
        <translation>只有数据库文件才能从备份恢复。</translation>
    </message>
    <message>
        <source>The backup “%1” no longer exists.</source>
        <translation>备份“%1”已不存在。</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>Choose the enterprise (type its name or scan its badge).</source>
        <extracomment>``after_write(session, patent_ids)``: called in an intention write&apos;s transaction with the patents whose intentions changed.</extracomment>
        <translation>请选择企业（输入名称或扫描胸卡）。</translation>
    </message>
    <message>
        <source>Choose the patent (type its number or title, or scan its code).</source>
        <translation>请选择专利（输入申请号或名称，或扫描专利二维码）。</translation>
    </message>
    <message>
        <source>Choose what the enterprise wants (keys 1 to 7).</source>
        <translation>请选择企业的意向类型（数字键 1 至 7）。</translation>
    </message>
    <message>
        <source>The rating of industrialisation prospects is from 1 to 5.</source>
        <translation>产业化前景评价为 1 至 5 分。</translation>
    </message>
    <message>
        <source>With “no demand”, rate the patent&apos;s industrialisation prospects from 1 to 5.</source>
        <translation>选择“暂无需求”时，请为该专利的产业化前景评 1 至 5 分。</translation>
    </message>
    <message>
        <source>“%1” is not a Chinese mobile number (11 digits) or a landline with its area code.</source>
        <translation>“%1”不是中国手机号（11 位）或带区号的固定电话。</translation>
    </message>
    <message>
        <source>The budget cannot be negative.</source>
        <translation>预算不能为负数。</translation>
    </message>
    <message>
        <source>The enterprise or the patent of this intention no longer exists; choose them again.</source>
        <translation>该意向的企业或专利已不存在，请重新选择。</translation>
    </message>
    <message>
        <source>This intention no longer exists.</source>
        <extracomment>Fields of an intention that today&apos;s list may edit.</extracomment>
        <translation>该意向已不存在。</translation>
    </message>
    <message>
        <source>The database cannot be reached, so this intention was not saved; it stays here: save it again when the connection is back.</source>
        <translation>无法连接数据库，这条意向尚未保存；内容仍保留在此：连接恢复后请再次保存。</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>%1 checked in at %2.</source>
        <translation>%1 已于 %2 签到。</translation>
    </message>
    <message>
        <source>%1 is already checked in at %2 at %3.</source>
        <translation>%1 已于 %2 在 %3 签到过。</translation>
    </message>
    <message>
        <source>%1 is already checked in at %2.</source>
        <translation>%1 已于 %2 签到过。</translation>
    </message>
    <message>
        <source>This is a patent code, not an enterprise badge.</source>
        <translation>这是专利二维码，不是企业胸卡。</translation>
    </message>
    <message>
        <source>This badge belongs to no enterprise in this database; merge the bundle of the laptop that printed it, or search by name.</source>
        <translation>本数据库中没有这张胸卡对应的企业；请合并打印胸卡那台电脑的数据包，或按名称查找。</translation>
    </message>
    <message>
        <source>Already registered: %1; now checked in at %2.</source>
        <translation>已登记：%1，现于 %2 签到。</translation>
    </message>
    <message>
        <source>This check-in can no longer be redone.</source>
        <translation>这次签到已无法重做。</translation>
    </message>
    <message>
        <source>Already registered: %1, checked in at %2 at %3.</source>
        <translation>已登记：%1，已于 %2 在 %3 签到。</translation>
    </message>
    <message>
        <source>Already registered: %1, checked in at %2.</source>
        <translation>已登记：%1，已于 %2 签到。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Interrupted; nothing was written.</source>
        <translation>已中断，未写入任何内容。</translation>
    </message>
    <message>
        <source>Demo fair written to %1: %2 patents from %3 institutions, %4 enterprises, the event “%5” with %6 roadshow sessions, %7 intentions.</source>
        <translation>演示对接会已写入 %1：来自 %3 家单位的专利 %2 件，企业 %4 家，活动“%5”含路演场次 %6 场，意向 %7 条。</translation>
    </message>
    <message>
        <source>Unknown view “%1”; choose one of: %2.</source>
        <translation>没有名为“%1”的视图；可选：%2。</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 rejected, %5 conflicts to review.</source>
        <translation>新增 %1，更新 %2，未变 %3，拒收 %4，待核对冲突 %5。</translation>
    </message>
    <message>
        <source>%1 rows were later publications of a patent above and were merged into it.</source>
        <translation>有 %1 行是上述某件专利的后续公告文本，已合并到该专利。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written to the database.</source>
        <translation>试运行：没有向数据库写入任何内容。</translation>
    </message>
    <message>
        <source>Rejected rows and their reasons: %1</source>
        <translation>拒收的行及原因：%1</translation>
    </message>
    <message>
        <source>Use --rejects OUT.xlsx to get the rejected rows and their reasons.</source>
        <translation>使用 --rejects OUT.xlsx 可导出拒收的行及原因。</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>已将 %1 行写入 %2。</translation>
    </message>
    <message>
        <source>Wrote %1 (pages: %2).</source>
        <translation>已写入 %1（共 %2 页）。</translation>
    </message>
    <message>
        <source>The search query is empty; give a word to look for.</source>
        <translation>搜索内容为空，请输入要查找的词。</translation>
    </message>
    <message>
        <source>%1 of %2 hits shown; --limit 0 lists them all.</source>
        <translation>显示 %2 条结果中的 %1 条；使用 --limit 0 列出全部。</translation>
    </message>
    <message>
        <source>No patent matches.</source>
        <translation>没有匹配的专利。</translation>
    </message>
    <message>
        <source>%1 firms newly signed up for “%2” (%3 already were).</source>
        <translation>%1 家企业新报名“%2”（另有 %3 家已报名）。</translation>
    </message>
    <message>
        <source>There is no event to sign these firms up for; create the event first, or import them with --registry-only.</source>
        <translation>还没有可供报名的活动；请先创建活动，或用 --registry-only 只导入企业名录。</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>Roadshow Desk makes backups only of a database file, not a server.</source>
        <translation>路演服务台只备份数据库文件，不备份数据库服务器。</translation>
    </message>
    <message>
        <source>No backups yet in %1.</source>
        <translation>%1 中还没有备份。</translation>
    </message>
    <message>
        <source>Bundle of another desk: %1</source>
        <translation>另一台服务台的数据包：%1</translation>
    </message>
    <message>
        <source>Merge them with: roadshow-desk bundle merge FILE...</source>
        <translation>合并方法：roadshow-desk bundle merge 文件...</translation>
    </message>
    <message>
        <source>%1 records of station %2 written to %3.</source>
        <translation>工作站 %2 的 %1 条记录已写入 %3。</translation>
    </message>
    <message>
        <source>Bundles of this event will be encrypted with the passphrase.</source>
        <translation>本活动的数据包将用该口令加密。</translation>
    </message>
    <message>
        <source>Bundles of this event will be plain.</source>
        <translation>本活动的数据包将不加密。</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated, %4 unchanged, %5 conflicts, %6 kept after delete, %7 possible duplicates.</source>
        <translation>%1：新增 %2，更新 %3，未变 %4，冲突 %5，删除后保留 %6，疑似重复 %7。</translation>
    </message>
    <message>
        <source>%1 was already merged; nothing changed.</source>
        <translation>%1 已合并过，未作任何更改。</translation>
    </message>
    <message>
        <source>Nothing to merge: the database already holds all of it.</source>
        <translation>没有需要合并的内容：数据库已包含全部记录。</translation>
    </message>
    <message>
        <source>Backup before the merge: %1</source>
        <translation>合并前的备份：%1</translation>
    </message>
</context>
<context>
    <name>Contract</name>
    <message>
        <source>“%1” is not an amount in yuan.</source>
        <extracomment>The largest amount the column holds (Numeric(14, 2)).</extracomment>
        <translation>“%1”不是以元计的金额。</translation>
    </message>
    <message>
        <source>The amount must be zero or more yuan.</source>
        <translation>金额必须不少于 0 元。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>The amount has at most two decimals (fen).</source>
        <translation>金额最多保留两位小数(到分)。</translation>
    </message>
    <message>
        <source>A contract can be recorded once the lead has reached “Contract signed”.</source>
        <translation>意向到达“已签合同”后才能登记合同。</translation>
    </message>
    <message>
        <source>Choose the kind of deal.</source>
        <translation>请选择合同类型。</translation>
    </message>
    <message>
        <source>Give the date the contract was signed.</source>
        <translation>请填写合同签订日期。</translation>
    </message>
    <message>
        <source>The signing date is in the future.</source>
        <translation>签订日期晚于今天。</translation>
    </message>
    <message>
        <source>The contract cannot be signed before the intention was recorded.</source>
        <translation>合同签订日期不能早于意向登记日期。</translation>
    </message>
    <message>
        <source>Give the amount that the payment method pays.</source>
        <translation>选择支付方式时请填写合同金额。</translation>
    </message>
    <message>
        <source>The registration number is longer than %1 characters.</source>
        <translation>登记/备案号超过 %1 个字符。</translation>
    </message>
    <message>
        <source>This intention no longer exists.</source>
        <translation>该意向已不存在。</translation>
    </message>
    <message>
        <source>Contract recorded</source>
        <translation>已登记合同</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The file is not a Roadshow Desk database (it has tables but no schema version).</source>
        <translation>该文件不是路演服务台数据库（包含数据表，但没有结构版本）。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Roadshow Desk; update the app to open it.</source>
        <translation>该数据库由更新版本的路演服务台写入，请先升级本软件再打开。</translation>
    </message>
    <message>
        <source>The database cannot be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>“%1” is neither a file nor a database URL.</source>
        <extracomment>What a check found (``LocationCheck.state``).</extracomment>
        <translation>“%1”既不是文件，也不是数据库地址。</translation>
    </message>
    <message>
        <source>“%1” does not name a database file.</source>
        <translation>“%1”没有指明数据库文件。</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a database file.</source>
        <translation>“%1”是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>The database file “%1” does not exist (was it moved or renamed?).</source>
        <translation>数据库文件“%1”不存在（是否已被移动或改名？）。</translation>
    </message>
    <message>
        <source>“%1” cannot be read (%2).</source>
        <translation>无法读取“%1”（%2）。</translation>
    </message>
    <message>
        <source>“%1” is not a database file.</source>
        <translation>“%1”不是数据库文件。</translation>
    </message>
    <message>
        <source>“%1” is a database, but not a Roadshow Desk one.</source>
        <translation>“%1”是数据库，但不是路演服务台的数据库。</translation>
    </message>
    <message>
        <source>“%1” was written by a newer version of Roadshow Desk; update the app to open it.</source>
        <translation>“%1”由更新版本的路演服务台写入；请先升级本软件再打开。</translation>
    </message>
    <message>
        <source>The server %1 refused the user name or password; nothing was changed.</source>
        <translation>服务器 %1 拒绝了该用户名或密码；未做任何更改。</translation>
    </message>
    <message>
        <source>The server %1 has no such database or user; nothing was changed.</source>
        <translation>服务器 %1 上没有该数据库或用户；未做任何更改。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached (is it running, and is this desk on its network?); nothing was changed.</source>
        <translation>无法连接服务器 %1（服务器是否在运行，本工作台是否在同一网络中？）；未做任何更改。</translation>
    </message>
    <message>
        <source>The database on %1 was written by a newer version of Roadshow Desk; update the app to use it.</source>
        <translation>%1 上的数据库由更新版本的 Roadshow Desk 写入；请更新本应用后再使用。</translation>
    </message>
    <message>
        <source>The target database already holds records; nothing was copied (merge station bundles to combine two databases).</source>
        <translation>目标数据库中已有记录；未复制任何内容（要合并两个数据库，请合并工作站数据包）。</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>“%1” is not a date; type it like 2026-12-18 or 12月18日.</source>
        <translation>“%1”不是日期；请按 2026-12-18 或 12月18日 的格式输入。</translation>
    </message>
    <message>
        <source>“%1” is not a real date.</source>
        <translation>“%1”不是有效日期。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The demo needs between %1 and %2 patents.</source>
        <translation>演示数据的专利数量须在 %1 到 %2 件之间。</translation>
    </message>
    <message>
        <source>Writing the demo patents…</source>
        <translation>正在写入演示专利…</translation>
    </message>
    <message>
        <source>The database already holds records; the demo only fills an empty database.</source>
        <translation>数据库中已有记录；演示数据只能写入空数据库。</translation>
    </message>
    <message>
        <source>Creating the demo event…</source>
        <translation>正在创建演示活动…</translation>
    </message>
</context>
<context>
    <name>Enterprises</name>
    <message>
        <source>“%1” is not a unified social credit code: it must have 18 characters.</source>
        <translation>“%1”不是统一社会信用代码：应为 18 位。</translation>
    </message>
    <message>
        <source>“%1” is not a valid unified social credit code: its last character does not match, so one character is mistyped.</source>
        <translation>“%1”不是有效的统一社会信用代码：校验位不符，有字符输错。</translation>
    </message>
    <message>
        <source>The unified social credit code is empty.</source>
        <translation>统一社会信用代码为空。</translation>
    </message>
    <message>
        <source>“%1” is not a valid unified social credit code: it may contain only digits and capital letters other than I, O, S, V and Z.</source>
        <translation>“%1”不是有效的统一社会信用代码：只能包含数字和除 I、O、S、V、Z 以外的大写字母。</translation>
    </message>
    <message>
        <source>“%1” has no area code; write landlines with it, like 010-12345678.</source>
        <translation>“%1”缺少区号；固定电话请带区号，如 010-12345678。</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>电话号码为空。</translation>
    </message>
    <message>
        <source>“%1” is not a Chinese mobile number (11 digits) or a landline with its area code.</source>
        <translation>“%1”不是中国手机号（11 位）或带区号的固定电话。</translation>
    </message>
    <message>
        <source>“%1” is not an enterprise type; use IP-advantage demonstration, specialised and new SME, high-tech, state-owned or IP protection centre.</source>
        <translation>“%1”不是企业类型；请使用知识产权优势示范企业、专精特新中小企业、高新技术企业、国有企业或知识产权保护中心备案企业。</translation>
    </message>
    <message>
        <source>The enterprise name is empty.</source>
        <translation>企业名称为空。</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>“%1”不是电子邮箱地址。</translation>
    </message>
    <message>
        <source>The credit code %1 is already registered for “%2”.</source>
        <translation>统一社会信用代码 %1 已登记为“%2”。</translation>
    </message>
    <message>
        <source>“%1” is already registered as “%2”.</source>
        <translation>“%1”已登记为“%2”。</translation>
    </message>
    <message>
        <source>This enterprise no longer exists.</source>
        <translation>该企业已不存在。</translation>
    </message>
    <message>
        <source>A walk-in needs a phone number so the organiser can reach it.</source>
        <translation>现场登记的企业需要留电话，以便主办方联系。</translation>
    </message>
    <message>
        <source>An enterprise cannot be merged into itself.</source>
        <translation>企业不能合并到自身。</translation>
    </message>
    <message>
        <source>“%1” is not a walk-in; only walk-ins are merged.</source>
        <translation>“%1”不是现场登记的企业；只有现场登记的企业才能合并。</translation>
    </message>
    <message>
        <source>Merged walk-in “%1” (%2).</source>
        <translation>已合并现场登记企业“%1”（%2）。</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>The event needs a name.</source>
        <extracomment>The languages a document can be printed in (the event&apos;s setting; ``--lang`` overrides).</extracomment>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <source>The event needs the day it starts (the brochure, badges and agenda print it); type it like 2026-12-18.</source>
        <translation>活动需要开始日期（手册、胸牌和议程都会印出）；请按 2026-12-18 的格式输入。</translation>
    </message>
    <message>
        <source>The event cannot end before it starts.</source>
        <translation>活动结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The event “%1” stays: sign-ups, sessions, shortlisted patents or intentions have been recorded for it since it was created.</source>
        <translation>活动“%1”已保留：创建之后已为它记录了报名、路演场次、入选专利或意向。</translation>
    </message>
    <message>
        <source>There is no event %1.</source>
        <translation>没有活动 %1。</translation>
    </message>
    <message>
        <source>There is no event yet; create one first.</source>
        <translation>还没有活动，请先创建一个。</translation>
    </message>
    <message>
        <source>A station needs a name.</source>
        <translation>请填写登记台名称。</translation>
    </message>
    <message>
        <source>This station no longer exists.</source>
        <translation>该登记台已不存在。</translation>
    </message>
    <message>
        <source>There is already a station called %1.</source>
        <translation>已有名为 %1 的登记台。</translation>
    </message>
</context>
<context>
    <name>Facets</name>
    <message>
        <source>No score</source>
        <extracomment>Score bands: below 20, 20–39.9, 40–59.9, 60–79.9, 80 and above; -1 is &quot;no score&quot;.</extracomment>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Below %1</source>
        <translation>低于 %1</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 及以上</translation>
    </message>
    <message>
        <source>Technical field</source>
        <translation>技术领域</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Patent type</source>
        <translation>专利类型</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>法律状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Application year</source>
        <translation>申请年份</translation>
    </message>
    <message>
        <source>High-value category</source>
        <translation>高价值类别</translation>
    </message>
    <message>
        <source>On the shortlist</source>
        <translation>已入选清单</translation>
    </message>
    <message>
        <source>(no field)</source>
        <extracomment>With a search of at most this many hits, the facets are counted from one grouped pass over the hits; otherwise (and without a search) one GROUP BY per facet on its index.</extracomment>
        <translation>（未填领域）</translation>
    </message>
    <message>
        <source>(no institution)</source>
        <translation>（未关联机构）</translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>（未知类型）</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>（无申请日）</translation>
    </message>
    <message>
        <source>Not on the shortlist</source>
        <translation>未入选清单</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>This intention no longer exists.</source>
        <translation>该意向已不存在。</translation>
    </message>
    <message>
        <source>The intention is already at “%1”.</source>
        <translation>该意向已处于“%1”阶段。</translation>
    </message>
    <message>
        <source>The intention is closed at “%1”; it cannot move to “%2”.</source>
        <translation>该意向已在“%1”阶段结束，不能再转到“%2”。</translation>
    </message>
    <message>
        <source>” or “</source>
        <translation>”或“</translation>
    </message>
    <message>
        <source>An intention at “%1” cannot move to “%2”; it can move to “%3”.</source>
        <translation>处于“%1”阶段的意向不能转到“%2”，只能转到“%3”。</translation>
    </message>
    <message>
        <source>Say why the lead is dropped.</source>
        <translation>请说明终止跟进的原因。</translation>
    </message>
    <message>
        <source>This intention has no stage change to undo.</source>
        <translation>该意向没有可撤销的阶段变更。</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注为空。</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Owner removed</source>
        <translation>已取消负责人</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Invention</source>
        <translation>发明</translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>审查中</translation>
    </message>
    <message>
        <source>Granted, in force</source>
        <translation>有效（已授权）</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>失效</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>被宣告无效</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>University</source>
        <translation>高校</translation>
    </message>
    <message>
        <source>Research institute</source>
        <translation>科研院所</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转让</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Open licence</source>
        <translation>开放许可</translation>
    </message>
    <message>
        <source>Investment (equity)</source>
        <translation>作价入股</translation>
    </message>
    <message>
        <source>Research cooperation</source>
        <translation>产学研合作</translation>
    </message>
    <message>
        <source>Investment / equity</source>
        <translation>作价投资 / 入股</translation>
    </message>
    <message>
        <source>Technology improvement need</source>
        <translation>技术改进需求</translation>
    </message>
    <message>
        <source>Industry-university-research cooperation</source>
        <translation>产学研合作</translation>
    </message>
    <message>
        <source>No demand</source>
        <translation>暂无需求</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新意向</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Negotiating</source>
        <translation>洽谈中</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>达成一致</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>已签合同</translation>
    </message>
    <message>
        <source>Transfer registered</source>
        <translation>已办理转让登记</translation>
    </message>
    <message>
        <source>Licence filed</source>
        <translation>已办理许可备案</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>IP-advantage demonstration</source>
        <translation>知识产权优势示范企业</translation>
    </message>
    <message>
        <source>Specialised and new SME</source>
        <translation>专精特新中小企业</translation>
    </message>
    <message>
        <source>High-tech enterprise</source>
        <translation>高新技术企业</translation>
    </message>
    <message>
        <source>State-owned enterprise</source>
        <translation>国有企业</translation>
    </message>
    <message>
        <source>Registered with an IP protection centre</source>
        <translation>知识产权保护中心备案企业</translation>
    </message>
    <message>
        <source>Under ¥100,000</source>
        <translation>10 万元以下</translation>
    </message>
    <message>
        <source>¥100,000–500,000</source>
        <translation>10–50 万元</translation>
    </message>
    <message>
        <source>¥500,000–1 million</source>
        <translation>50–100 万元</translation>
    </message>
    <message>
        <source>¥1–5 million</source>
        <translation>100–500 万元</translation>
    </message>
    <message>
        <source>Over ¥5 million</source>
        <translation>500 万元以上</translation>
    </message>
    <message>
        <source>Undisclosed</source>
        <translation>暂不透露</translation>
    </message>
    <message>
        <source>Within 3 months</source>
        <translation>3 个月内</translation>
    </message>
    <message>
        <source>Within 6 months</source>
        <translation>6 个月内</translation>
    </message>
    <message>
        <source>Within a year</source>
        <translation>1 年内</translation>
    </message>
    <message>
        <source>Later than a year</source>
        <translation>1 年以后</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>尚未确定</translation>
    </message>
    <message>
        <source>Patents</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Station bundle</source>
        <translation>工作站数据包</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Kept the local edit</source>
        <translation>保留本地修改</translation>
    </message>
    <message>
        <source>Took the file&apos;s value</source>
        <translation>采用文件中的值</translation>
    </message>
    <message>
        <source>Strategic emerging industry</source>
        <translation>战略性新兴产业</translation>
    </message>
    <message>
        <source>Overseas family</source>
        <translation>有海外同族专利</translation>
    </message>
    <message>
        <source>Maintained over 10 years</source>
        <translation>维持年限超过 10 年</translation>
    </message>
    <message>
        <source>Pledge financing</source>
        <translation>质押融资</translation>
    </message>
    <message>
        <source>Patent award</source>
        <translation>获得专利奖</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Equity / investment</source>
        <translation>作价入股</translation>
    </message>
    <message>
        <source>Cooperation</source>
        <translation>合作开发</translation>
    </message>
    <message>
        <source>Lump sum</source>
        <translation>一次性支付</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期支付</translation>
    </message>
    <message>
        <source>Royalty</source>
        <translation>提成支付</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股权</translation>
    </message>
</context>
<context>
    <name>Matching</name>
    <message>
        <source>shared: %1</source>
        <extracomment>Character pairs too common in patent text to show that two things are related.</extracomment>
        <translation>共同词：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>IPC %1</source>
        <translation>IPC %1</translation>
    </message>
    <message>
        <source>industry: %1</source>
        <translation>行业：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>PatentEditing</name>
    <message>
        <source>%1 has a value that is not allowed.</source>
        <extracomment>Fields that must not be empty.</extracomment>
        <translation>“%1”的值不在允许范围内。</translation>
    </message>
    <message>
        <source>“%1” cannot be edited.</source>
        <translation>“%1”不能修改。</translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD).</source>
        <translation>“%1”不是日期（格式为 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>%1 is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <source>%1 must be from 1 to 5 stars.</source>
        <translation>“%1”应为 1 到 5 星。</translation>
    </message>
    <message>
        <source>%1 cannot be negative.</source>
        <translation>“%1”不能为负数。</translation>
    </message>
    <message>
        <source>%1 cannot be empty.</source>
        <translation>“%1”不能为空。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>“%1”超过了 %2 个字符。</translation>
    </message>
    <message>
        <source>The patent no longer exists.</source>
        <translation>该专利已不存在。</translation>
    </message>
</context>
<context>
    <name>PatentFields</name>
    <message>
        <source>Application no.</source>
        <extracomment>Labels of the patent&apos;s fields (and of ``institution``, the owner&apos;s name).</extracomment>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Publication no.</source>
        <translation>公开（公告）号</translation>
    </message>
    <message>
        <source>Grant no.</source>
        <translation>授权公告号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>专利类型</translation>
    </message>
    <message>
        <source>IPC main</source>
        <translation>IPC 主分类号</translation>
    </message>
    <message>
        <source>IPC codes</source>
        <translation>IPC 分类号</translation>
    </message>
    <message>
        <source>Technical field</source>
        <translation>技术领域</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Current owners</source>
        <translation>当前权利人</translation>
    </message>
    <message>
        <source>Inventors</source>
        <translation>发明人</translation>
    </message>
    <message>
        <source>Applicant address</source>
        <translation>申请人地址</translation>
    </message>
    <message>
        <source>Patent agency</source>
        <translation>代理机构</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>申请日</translation>
    </message>
    <message>
        <source>Publication date</source>
        <translation>公开（公告）日</translation>
    </message>
    <message>
        <source>Grant date</source>
        <translation>授权日</translation>
    </message>
    <message>
        <source>Priority date</source>
        <translation>优先权日</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>法律状态</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>权利要求数</translation>
    </message>
    <message>
        <source>Family size</source>
        <translation>同族专利数</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>被引用次数</translation>
    </message>
    <message>
        <source>Strategic emerging industry</source>
        <translation>战略性新兴产业</translation>
    </message>
    <message>
        <source>Overseas family</source>
        <translation>海外同族</translation>
    </message>
    <message>
        <source>Pledge financing</source>
        <translation>质押融资</translation>
    </message>
    <message>
        <source>Patent award</source>
        <translation>专利奖</translation>
    </message>
    <message>
        <source>Self-assessed grade</source>
        <translation>自评星级</translation>
    </message>
    <message>
        <source>Conversion modes offered</source>
        <translation>可接受的转化方式</translation>
    </message>
    <message>
        <source>Open licence terms</source>
        <translation>开放许可条件</translation>
    </message>
    <message>
        <source>Price guide</source>
        <translation>参考价格</translation>
    </message>
    <message>
        <source>Public contact</source>
        <translation>对外联系方式</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>技术优势</translation>
    </message>
    <message>
        <source>Application scenarios</source>
        <translation>应用场景</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>Payloads</name>
    <message>
        <source>“%1” is not an enterprise identifier.</source>
        <translation>“%1”不是企业标识。</translation>
    </message>
    <message>
        <source>“%1” is not a Chinese patent application number.</source>
        <translation>“%1”不是中国专利申请号。</translation>
    </message>
    <message>
        <source>“%1” is not a Roadshow Desk badge or patent code.</source>
        <translation>“%1”不是本系统的胸卡或专利二维码。</translation>
    </message>
    <message>
        <source>The scanned code is empty.</source>
        <translation>扫描内容为空。</translation>
    </message>
    <message>
        <source>This code was printed by a newer version of Roadshow Desk; update the app to read it.</source>
        <translation>该二维码由更新版本的 Roadshow Desk 打印，请升级软件后再读取。</translation>
    </message>
    <message>
        <source>The sign-up link must start with http:// or https:// and a host name.</source>
        <translation>报名链接必须以 http:// 或 https:// 加域名开头。</translation>
    </message>
    <message>
        <source>The sign-up link uses the unknown placeholder {%1}; use {event}, {patent} or {application_no}.</source>
        <translation>报名链接使用了未知占位符 {%1}；请使用 {event}、{patent} 或 {application_no}。</translation>
    </message>
    <message>
        <source>The sign-up link has an unmatched brace.</source>
        <translation>报名链接中的花括号不成对。</translation>
    </message>
    <message>
        <source>This sign-up link is for another event, not this one; scan a code printed for this event.</source>
        <translation>这个报名链接属于另一场活动，不是本场；请扫描为本场活动印制的二维码。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>“%1” must end in .xlsx or .pdf.</source>
        <translation>“%1”的扩展名须为 .xlsx 或 .pdf。</translation>
    </message>
    <message>
        <source>Give either an event or a period, not both.</source>
        <translation>请指定一个活动或一个时间段,不能同时指定。</translation>
    </message>
    <message>
        <source>Shortlisted</source>
        <extracomment>Rank of each stage in the pipeline (dropped has none: what it reached is in the log). The funnel&apos;s steps: key, English label (translated when shown).</extracomment>
        <translation>入选</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>已路演</translation>
    </message>
    <message>
        <source>With an intention</source>
        <translation>有对接意向</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Negotiating</source>
        <translation>洽谈中</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>达成一致</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>已签合同</translation>
    </message>
    <message>
        <source>Registered / filed</source>
        <translation>已登记/备案</translation>
    </message>
    <message>
        <source>Events</source>
        <extracomment>The headline figures: key, English label.</extracomment>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>参与高校院所</translation>
    </message>
    <message>
        <source>Patents shortlisted</source>
        <translation>入选专利</translation>
    </message>
    <message>
        <source>Patents presented</source>
        <translation>路演专利</translation>
    </message>
    <message>
        <source>Enterprises registered</source>
        <translation>报名企业</translation>
    </message>
    <message>
        <source>Enterprises checked in</source>
        <translation>签到企业</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>对接意向</translation>
    </message>
    <message>
        <source>Enterprises with an intention</source>
        <translation>有意向的企业</translation>
    </message>
    <message>
        <source>No-demand answers</source>
        <translation>无需求反馈</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>签约合同</translation>
    </message>
    <message>
        <source>Contract amount (yuan)</source>
        <translation>合同金额(元)</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <extracomment>The intentions behind the step (for the shortlist and the presented patents: the intentions on those patents), sorted.</extracomment>
        <translation>时间段的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>No event starts in that period.</source>
        <translation>该时间段内没有开始的活动。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Not presented</source>
        <translation>未路演</translation>
    </message>
    <message>
        <source>None of the five types</source>
        <translation>不属于五类企业</translation>
    </message>
    <message>
        <source>Contact persons and phone numbers are included, as the organiser asked.</source>
        <translation>应主办方要求,本报告包含联系人和电话。</translation>
    </message>
    <message>
        <source>Contact persons and phone numbers are left out of this report.</source>
        <translation>本报告未包含联系人和电话。</translation>
    </message>
    <message>
        <source>Each intention counts in the region of the station that recorded it; intentions recorded at a station without a region count in the event&apos;s own region.</source>
        <translation>每条意向计入登记该意向的工作站所在地区；在未设地区的工作站登记的意向计入本活动的所在地区。</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>占比(%)</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>高校院所</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Intentions by kind</source>
        <translation>按意向类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>意向类型</translation>
    </message>
    <message>
        <source>Intentions by technical field</source>
        <translation>按技术领域</translation>
    </message>
    <message>
        <source>Technical field</source>
        <translation>技术领域</translation>
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
        <source>Enterprise type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Intentions by region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Intentions by enterprise region</source>
        <translation>按企业所在地区</translation>
    </message>
    <message>
        <source>Enterprise region</source>
        <translation>企业所在地区</translation>
    </message>
    <message>
        <source>Intentions by roadshow session</source>
        <translation>按路演场次</translation>
    </message>
    <message>
        <source>Roadshow session</source>
        <translation>路演场次</translation>
    </message>
    <message>
        <source>Patents with the most interest</source>
        <translation>最受关注的专利</translation>
    </message>
    <message>
        <source>Most interest</source>
        <translation>最受关注</translation>
    </message>
    <message>
        <source>Patents presented with no intention</source>
        <translation>已路演但无意向的专利</translation>
    </message>
    <message>
        <source>No interest</source>
        <translation>无意向</translation>
    </message>
    <message>
        <source>From shortlist to contract</source>
        <translation>从入选到签约</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>转化漏斗</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Patents</source>
        <translation>专利数</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>流失</translation>
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
        <source>Stage</source>
        <translation>跟进阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下次跟进</translation>
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
        <source>Leads in follow-up</source>
        <translation>跟进中的意向</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>%1 events from %2 to %3</source>
        <translation>%2 至 %3 共 %1 场活动</translation>
    </message>
</context>
<context>
    <name>Roadshow</name>
    <message>
        <source>Warning times cannot be negative.</source>
        <translation>提醒时间不能为负数。</translation>
    </message>
    <message>
        <source>The red warning must come after the yellow one (fewer minutes left).</source>
        <translation>红色提醒必须晚于黄色提醒（剩余分钟数更少）。</translation>
    </message>
    <message>
        <source>The session has no slots to present.</source>
        <translation>该专场没有可路演的项目。</translation>
    </message>
    <message>
        <source>There is no slot %1 in this session.</source>
        <translation>本专场没有第 %1 项。</translation>
    </message>
    <message>
        <source>The roadshow session no longer exists.</source>
        <translation>该路演专场已不存在。</translation>
    </message>
</context>
<context>
    <name>Rubric</name>
    <message>
        <source>Invention patent</source>
        <extracomment>Designs filed from this date are protected 15 years (10 before). Criteria whose points are multiplied by a count (stars, intentions). The CNIPA high-value categories among the criteria.</extracomment>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <source>Granted, in force</source>
        <translation>已授权且有效</translation>
    </message>
    <message>
        <source>Pending application</source>
        <translation>在审申请</translation>
    </message>
    <message>
        <source>Strategic emerging industry</source>
        <translation>战略性新兴产业</translation>
    </message>
    <message>
        <source>Overseas family</source>
        <translation>有海外同族</translation>
    </message>
    <message>
        <source>Maintained for many years</source>
        <translation>维持年限长</translation>
    </message>
    <message>
        <source>Pledge financing</source>
        <translation>质押融资</translation>
    </message>
    <message>
        <source>Patent award</source>
        <translation>获得专利奖</translation>
    </message>
    <message>
        <source>Long remaining term</source>
        <translation>剩余保护期长</translation>
    </message>
    <message>
        <source>Many claims</source>
        <translation>权利要求多</translation>
    </message>
    <message>
        <source>Self-grade (per star)</source>
        <translation>自评星级（每星）</translation>
    </message>
    <message>
        <source>Open licence offered</source>
        <translation>提供开放许可</translation>
    </message>
    <message>
        <source>Enterprise interest (per intention)</source>
        <translation>企业意向（每条）</translation>
    </message>
    <message>
        <source>Maintained at least (years)</source>
        <translation>维持年限至少（年）</translation>
    </message>
    <message>
        <source>Remaining term at least (years)</source>
        <translation>剩余保护期至少（年）</translation>
    </message>
    <message>
        <source>Claims at least</source>
        <translation>权利要求至少（项）</translation>
    </message>
    <message>
        <source>Intentions counted at most</source>
        <translation>意向最多计（条）</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>在审</translation>
    </message>
    <message>
        <source>strategic emerging industry (%1)</source>
        <translation>战略性新兴产业（%1）</translation>
    </message>
    <message>
        <source>overseas family</source>
        <translation>海外同族</translation>
    </message>
    <message>
        <source>maintained %n years</source>
        <translation>已维持 %n 年</translation>
    </message>
    <message>
        <source>pledge financing</source>
        <translation>质押融资</translation>
    </message>
    <message>
        <source>award: %1</source>
        <translation>获奖：%1</translation>
    </message>
    <message>
        <source>%n years of term left</source>
        <translation>剩余保护期 %n 年</translation>
    </message>
    <message>
        <source>%n claims</source>
        <translation>权利要求 %n 项</translation>
    </message>
    <message>
        <source>self-grade %n stars</source>
        <translation>自评 %n 星</translation>
    </message>
    <message>
        <source>open licence</source>
        <translation>开放许可</translation>
    </message>
    <message>
        <source>%n enterprise intentions</source>
        <translation>企业意向 %n 条</translation>
    </message>
    <message>
        <source>invention</source>
        <translation>发明</translation>
    </message>
    <message>
        <source>utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <source>design</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <source>no points</source>
        <translation>无得分项</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Standard</source>
        <extracomment>Rescore statements for SQLite as text, by (rubric JSON, day, all patents or given ones): building and compiling the rubric&apos;s expression costs milliseconds, running it for one patent microseconds (a recorded intention rescores its patent; see ``store.intentions``).</extracomment>
        <translation>标准</translation>
    </message>
    <message>
        <source>A rubric needs a name.</source>
        <translation>评分方案需要一个名称。</translation>
    </message>
    <message>
        <source>That rubric no longer exists.</source>
        <translation>该评分方案已不存在。</translation>
    </message>
    <message>
        <source>The last rubric cannot be deleted.</source>
        <translation>不能删除最后一个评分方案。</translation>
    </message>
    <message>
        <source>Recomputing the scores…</source>
        <translation>正在重新计算分数…</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>The server is running in %1.</source>
        <translation>服务器已在 %1 中运行。</translation>
    </message>
    <message>
        <source>Desks connect with: %1</source>
        <translation>各服务台的连接地址：%1</translation>
    </message>
    <message>
        <source>The full URL, with its password, is in %1 (readable by you only).</source>
        <translation>含密码的完整地址保存在 %1 中（仅您本人可读）。</translation>
    </message>
    <message>
        <source>PostgreSQL is not installed on this computer (Debian: apt-get install postgresql).</source>
        <translation>本机未安装 PostgreSQL（Debian：apt-get install postgresql）。</translation>
    </message>
    <message>
        <source>Database and user names may use lower-case letters, digits and _ only.</source>
        <translation>数据库名和用户名只能使用小写字母、数字和下划线。</translation>
    </message>
    <message>
        <source>The folder is not empty; choose a new folder for the server.</source>
        <translation>该文件夹不是空的；请为服务器选择一个新文件夹。</translation>
    </message>
    <message>
        <source>PostgreSQL does not run as root: name an existing user with --os-user.</source>
        <translation>PostgreSQL 不能以 root 身份运行：请用 --os-user 指定一个已有的系统用户。</translation>
    </message>
    <message>
        <source>The server could not be set up: %1</source>
        <translation>无法建立服务器：%1</translation>
    </message>
</context>
<context>
    <name>Shortlist</name>
    <message>
        <source>That patent is not on the shortlist.</source>
        <translation>该专利不在推介清单中。</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>该活动已不存在。</translation>
    </message>
</context>
<context>
    <name>SignupForm</name>
    <message>
        <source>Transfer</source>
        <extracomment>The seven kinds in the order of their tick boxes (numbered from 1), as the importer reads a number 1–7. Short names of the kinds for the tick legend and the workbook&apos;s drop-down list.</extracomment>
        <translation>转让</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Open licence</source>
        <translation>开放许可</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>作价入股</translation>
    </message>
    <message>
        <source>Improvement need</source>
        <translation>技术改进需求</translation>
    </message>
    <message>
        <source>Cooperation</source>
        <translation>产学研合作</translation>
    </message>
    <message>
        <source>No demand</source>
        <translation>无需求</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>Source headings (English; translated in CONTEXT) by column key.</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
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
        <source>Intention (tick)</source>
        <translation>意向（打钩）</translation>
    </message>
    <message>
        <source>Rating 1-5</source>
        <translation>前景评分1-5</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Patent no. / booth no.</source>
        <translation>专利号/展位号</translation>
    </message>
    <message>
        <source>Patent (slot no.)</source>
        <translation>专利（场次序号）</translation>
    </message>
    <message>
        <source>Intention ticks: %1. With no demand, rate the prospects from 1 to 5.</source>
        <extracomment>What the importer recognises of these headings, in both languages (header synonyms).</extracomment>
        <translation>意向勾选：%1。选“无需求”时请为产业化前景打分（1–5）。</translation>
    </message>
</context>
<context>
    <name>TypicalCase</name>
    <message>
        <source>“%1” must end in .docx or .pdf.</source>
        <translation>“%1”的扩展名须为 .docx 或 .pdf。</translation>
    </message>
    <message>
        <source>“%1” cannot be read as UTF-8 text.</source>
        <translation>无法以 UTF-8 文本读取“%1”。</translation>
    </message>
    <message>
        <source>There is no intention %1.</source>
        <translation>没有编号为 %1 的意向。</translation>
    </message>
    <message>
        <source>Only an intention with a signed contract can be a typical case.</source>
        <translation>只有已签合同的意向才能写成典型案例。</translation>
    </message>
</context>
<context>
    <name>VenueTime</name>
    <message>
        <source>“%1” is not a time zone; write one like Asia/Shanghai.</source>
        <extracomment>The zones the event form offers first (any IANA name may be typed).</extracomment>
        <translation>“%1”不是时区，请写成 Asia/Shanghai 这样的形式。</translation>
    </message>
    <message>
        <source>“%1” is not a time; write it like 09:30 or 2026-12-18 09:30.</source>
        <translation>“%1”不是时间，请写成 09:30 或 2026-12-18 09:30。</translation>
    </message>
    <message>
        <source>The event has no date yet; write the day too (2026-12-18 09:30).</source>
        <translation>活动还没有日期，请连同日期一起填写（如 2026-12-18 09:30）。</translation>
    </message>
</context>
</TS>
