<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>About Roadshow Desk</source>
        <translation>关于路演服务台</translation>
    </message>
    <message>
        <source>Roadshow Desk</source>
        <translation>路演服务台</translation>
    </message>
    <message>
        <source>Patent matchmaking fairs from the library to the follow-up: screening, shortlists, roadshows, on-site intentions, print, and figures for the IP office. Works fully offline.</source>
        <translation>专利转化对接会的全流程工具：从专利库到后续跟进——筛选、推介清单、路演、现场意向登记、打印，以及报送知识产权局的统计数据。完全离线可用。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Roadshow Desk</source>
        <translation>路演服务台</translation>
    </message>
    <message>
        <source>The Chinese font %1 could not be loaded; Chinese text may not display.</source>
        <translation>无法加载中文字体 %1，中文可能无法正常显示。</translation>
    </message>
    <message>
        <source>No Chinese font</source>
        <translation>缺少中文字体</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>This database is on a server; its backups are made by the server&apos;s administrator, not by Roadshow Desk.</source>
        <extracomment>Every kind of record a restore may have changed (``AppContext.data_changed``).</extracomment>
        <translation>该数据库位于服务器上，由服务器管理员负责备份，而不是路演服务台。</translation>
    </message>
    <message>
        <source>Roadshow Desk backs up the database before every import, merge, restore and upgrade, and keeps the newest %1 in &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;.</source>
        <translation>路演服务台在每次导入、合并、恢复和升级之前备份数据库，最新的 %1 份保存在 &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>Restore the database as it was on %1 (%2)? The database as it is now is backed up first, and the undo history starts afresh.</source>
        <translation>要把数据库恢复到 %1（%2）时的状态吗？恢复前会先备份当前数据库，撤销记录将清空。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation>正在恢复备份</translation>
    </message>
    <message>
        <source>The database is as it was on %1.</source>
        <translation>数据库已恢复到 %1 时的状态。</translation>
    </message>
    <message>
        <source>What it held just before is kept as the backup %1.</source>
        <translation>恢复前的内容已保存为备份 %1。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>备份未能恢复</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>The backups made before imports, merges and upgrades; restore one</source>
        <translation>导入、合并和升级之前所做的备份；可恢复其中之一</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时机</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No backups yet: the first is made before the first import, merge or upgrade.</source>
        <translation>还没有备份：第一次导入、合并或升级之前会自动备份。</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Open the &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>DatabaseRecovery</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>What should Roadshow Desk open instead?</source>
        <translation>改为打开哪个数据库？</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Create a new, empty database there</source>
        <translation>在该位置新建空数据库</translation>
    </message>
    <message>
        <source>Open the last one that worked (%1)</source>
        <translation>打开上次可用的数据库（%1）</translation>
    </message>
    <message>
        <source>Open the demo fair</source>
        <translation>打开演示对接会</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Preparing the demo fair</source>
        <translation>正在准备演示对接会</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>not set (e.g. 2026-12-18 or 12月18日)</source>
        <translation>未设置（如 2026-12-18 或 12月18日）</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Choose the date in a calendar (Alt+↓)</source>
        <translation>在日历中选择日期（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>DemoFairAction</name>
    <message>
        <source>Open the &amp;demo fair</source>
        <extracomment>What the demo writes: every kind of record the pages show.</extracomment>
        <translation>打开演示对接会(&amp;D)</translation>
    </message>
    <message>
        <source>Writing the demo fair…</source>
        <translation>正在写入演示对接会…</translation>
    </message>
    <message>
        <source>The demo fair “%1” is open: %2 patents, %3 enterprises.</source>
        <translation>演示对接会“%1”已打开：专利 %2 件，企业 %3 家。</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>The database cannot be reached just now; what is shown may be out of date until it is back.</source>
        <translation>目前无法连接数据库；在恢复连接之前，显示的内容可能不是最新的。</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in %1.</source>
        <translation>出现了错误；详细信息见 %1。</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <source>1. Bring in the patents</source>
        <translation>1. 导入专利</translation>
    </message>
    <message>
        <source>File ▸ Import patents… (Ctrl+I), or drop an Excel or CSV list on the window. The columns are recognised (Chinese or English headers); check the preview and import. Importing an updated list again updates the patents and never overwrites what you edited without asking.</source>
        <translation>使用 文件 ▸ 导入专利…（Ctrl+I），或把 Excel、CSV 清单拖到窗口上。列会自动识别（中文或英文表头）；查看预览后导入。再次导入更新后的清单会更新已有专利，未经询问绝不覆盖您改过的内容。</translation>
    </message>
    <message>
        <source>2. Screen and shortlist</source>
        <translation>2. 筛选并编入推介清单</translation>
    </message>
    <message>
        <source>On the Library page, search (Chinese works), filter by field, institution, type and score, and add the best patents to the event&apos;s shortlist. On the Shortlist page, order them, exclude some with a reason and write the presenter&apos;s notes.</source>
        <translation>在“专利库”页搜索（支持中文），按技术领域、单位、类型和评分筛选，把最好的专利加入活动的推介清单。在“推介清单”页排列顺序、注明理由排除部分专利，并写下路演人备注。</translation>
    </message>
    <message>
        <source>3. Prepare the event</source>
        <translation>3. 筹备活动</translation>
    </message>
    <message>
        <source>On the Event page, enter the name, dates and venue, register the enterprises (File ▸ Import enterprises… takes a sign-up list) and plan the roadshow sessions and their slots.</source>
        <translation>在“活动”页填写名称、日期和地点，登记企业（文件 ▸ 导入企业… 可导入报名表），并安排路演场次及其各个时段。</translation>
    </message>
    <message>
        <source>4. Print</source>
        <translation>4. 打印</translation>
    </message>
    <message>
        <source>The Print page makes the brochure, QR sign-up sheets, booth cards, badges and the agenda as PDF files with the fonts embedded.</source>
        <translation>“打印”页生成项目手册、二维码报名表、展位卡、企业胸牌和议程，均为嵌入字体的 PDF 文件。</translation>
    </message>
    <message>
        <source>5. On the day</source>
        <translation>5. 活动当天</translation>
    </message>
    <message>
        <source>The Roadshow page shows one patent at a time on the projector while the laptop keeps the presenter console. On the Capture page, desk staff record each enterprise&apos;s intention in seconds; a USB QR scanner fills the fields.</source>
        <translation>“路演”页在投影上一次展示一件专利，笔记本屏幕保留路演人控制台。在“意向登记”页，服务台人员几秒钟即可记下每家企业的意向；USB 扫码枪可自动填写各栏。</translation>
    </message>
    <message>
        <source>6. Afterwards</source>
        <translation>6. 会后</translation>
    </message>
    <message>
        <source>The Follow-up page takes each intention from first contact to a signed contract. Each laptop is a station with its own name (File ▸ Settings…); stations exchange bundle files to merge their records.</source>
        <translation>“意向跟进”页把每条意向从首次联系一直跟进到签订合同。每台笔记本是一个有自己名称的工作站（文件 ▸ 设置…）；各工作站交换数据包文件来合并记录。</translation>
    </message>
    <message>
        <source>Your data is safe</source>
        <translation>数据安全</translation>
    </message>
    <message>
        <source>Everything stays on this computer and works without a network. The database is backed up before every import, merge and upgrade; File ▸ Backups… lists the backups and restores one.</source>
        <translation>所有数据都保存在本机，无需网络即可使用。每次导入、合并和升级之前都会备份数据库；文件 ▸ 备份… 列出这些备份，并可恢复其中之一。</translation>
    </message>
    <message>
        <source>Getting started with Roadshow Desk</source>
        <translation>路演服务台入门指南</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>入门指南</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Roadshow Desk</source>
        <translation>关于路演服务台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <extracomment>The workflow pages, in navigation order (&quot;module:Class&quot;). Installers of menus, actions and drop handlers (&quot;module:function&quot;, called with the window).</extracomment>
        <translation>工作站：%1</translation>
    </message>
</context>
<context>
    <name>MatchModel</name>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>匹配理由</translation>
    </message>
</context>
<context>
    <name>MatchSuggestionsView</name>
    <message>
        <source>Patents that fit this enterprise</source>
        <translation>适合该企业的专利</translation>
    </message>
    <message>
        <source>Enterprises to invite</source>
        <translation>建议邀请的企业</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>未选择。</translation>
    </message>
    <message>
        <source>Looking for matches…</source>
        <translation>正在查找匹配…</translation>
    </message>
    <message>
        <source>No suggestions: the database cannot be reached just now.</source>
        <translation>暂无推荐：目前无法连接数据库。</translation>
    </message>
    <message>
        <source>No patent fits yet: give the enterprise keywords, an industry or IPC classes of interest.</source>
        <translation>暂无匹配的专利：请为该企业填写关键词、所属行业或关注的 IPC 分类。</translation>
    </message>
    <message>
        <source>No registered enterprise states an interest that fits.</source>
        <translation>已登记的企业中暂无需求与之匹配。</translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <source>Open the demo fair</source>
        <translation>打开演示对接会</translation>
    </message>
    <message>
        <source>Create the event</source>
        <translation>创建活动</translation>
    </message>
    <message>
        <source>Import a patent list…</source>
        <translation>导入专利清单…</translation>
    </message>
    <message>
        <source>Go to the library</source>
        <translation>前往专利库</translation>
    </message>
    <message>
        <source>No event yet</source>
        <translation>还没有活动</translation>
    </message>
    <message>
        <source>No patents yet</source>
        <translation>还没有专利</translation>
    </message>
    <message>
        <source>Welcome to Roadshow Desk</source>
        <translation>欢迎使用路演服务台</translation>
    </message>
    <message>
        <source>Open the demo fair to look around a complete example, or start your own fair: create the event, then import the institutes&apos; patent lists.</source>
        <translation>打开演示对接会，先看看一个完整的示例；或者开始筹备自己的对接会：先创建活动，再导入各单位的专利清单。</translation>
    </message>
    <message>
        <source>The patent library is empty</source>
        <translation>专利库是空的</translation>
    </message>
    <message>
        <source>Import the institutes&apos; patent lists (Excel or CSV, as the national patent activation system exports them); then screen them and pick the shortlist.</source>
        <translation>导入各单位的专利清单（Excel 或 CSV，如全国专利盘活系统导出的文件），然后筛选专利、挑选推介清单。</translation>
    </message>
    <message>
        <source>A shortlist belongs to an event: create the event first.</source>
        <translation>推介清单属于某场活动：请先创建活动。</translation>
    </message>
    <message>
        <source>Import a patent list first, then pick the patents for this event.</source>
        <translation>请先导入专利清单，再为本场活动挑选专利。</translation>
    </message>
    <message>
        <source>The shortlist is empty</source>
        <translation>推介清单是空的</translation>
    </message>
    <message>
        <source>Pick patents in the library: select them and choose Add to shortlist, or drag them here.</source>
        <translation>到专利库挑选专利：选中后点“加入推介清单”，或直接拖到这里。</translation>
    </message>
    <message>
        <source>Create the event: a name and its dates are enough to start. Enterprises, check-in and the roadshow sessions come after.</source>
        <translation>创建活动：有名称和日期就可以开始。企业、签到和路演场次随后再加。</translation>
    </message>
    <message>
        <source>Intentions are recorded for an event: create the event first.</source>
        <translation>意向登记属于某场活动：请先创建活动。</translation>
    </message>
    <message>
        <source>Each intention names a patent: import the patent list first.</source>
        <translation>每条意向都对应一件专利：请先导入专利清单。</translation>
    </message>
    <message>
        <source>No enterprises yet</source>
        <translation>还没有企业</translation>
    </message>
    <message>
        <source>Each intention names an enterprise: register the enterprises (or import their sign-up list) on the event page.</source>
        <translation>每条意向都对应一家企业：请在活动页登记企业（或导入报名名单）。</translation>
    </message>
    <message>
        <source>Register enterprises</source>
        <translation>登记企业</translation>
    </message>
    <message>
        <source>A roadshow presents an event&apos;s patents: create the event first.</source>
        <translation>路演展示的是活动的专利：请先创建活动。</translation>
    </message>
    <message>
        <source>A roadshow presents patents: import the patent list first.</source>
        <translation>路演要展示专利：请先导入专利清单。</translation>
    </message>
    <message>
        <source>A roadshow presents the event&apos;s shortlist: pick patents in the library first.</source>
        <translation>路演展示本场活动的推介清单：请先到专利库挑选专利。</translation>
    </message>
    <message>
        <source>No roadshow session planned yet</source>
        <translation>还没有排好的路演场次</translation>
    </message>
    <message>
        <source>Plan a session on the event page: put shortlisted patents in its slots.</source>
        <translation>在活动页安排路演场次：把推介清单中的专利排进各个时段。</translation>
    </message>
    <message>
        <source>Plan the sessions</source>
        <translation>安排路演场次</translation>
    </message>
    <message>
        <source>Brochures, sign-up sheets, cards, badges and the agenda are printed for an event: create the event first.</source>
        <translation>推介手册、报名签到表、展位卡、胸牌和议程都属于某场活动：请先创建活动。</translation>
    </message>
    <message>
        <source>The figures are an event&apos;s: create the event, then record the enterprises&apos; intentions at the fair.</source>
        <translation>成果数据属于某场活动：请先创建活动，再在对接会上登记企业的意向。</translation>
    </message>
</context>
<context>
    <name>PassphraseControl</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Create the event first</source>
        <translation>请先创建活动</translation>
    </message>
    <message>
        <source>Passphrase set: this event&apos;s bundles are encrypted</source>
        <translation>已设置口令：本活动的数据包将加密</translation>
    </message>
    <message>
        <source>No passphrase: this event&apos;s bundles are plain</source>
        <translation>未设置口令：本活动的数据包不加密</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>数据包口令</translation>
    </message>
    <message>
        <source>Bundles of this event are encrypted with this passphrase. Tell it to the other stations by another way than the stick.</source>
        <translation>本活动的数据包将用此口令加密。请通过U盘以外的途径告知其他工作站。</translation>
    </message>
    <message>
        <source>The passphrase is empty; nothing was changed.</source>
        <translation>口令为空；未作任何更改。</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>请再次输入同一口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>两次输入的口令不一致；未作任何更改。</translation>
    </message>
    <message>
        <source>Bundles of this event will be encrypted.</source>
        <translation>本活动的数据包将加密。</translation>
    </message>
    <message>
        <source>Bundles of this event will be plain.</source>
        <translation>本活动的数据包将不加密。</translation>
    </message>
</context>
<context>
    <name>PendingEdits</name>
    <message>
        <source>These edits could not be saved:</source>
        <translation>以下修改无法保存：</translation>
    </message>
    <message>
        <source>Close the window and discard them?</source>
        <translation>关闭窗口并放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Discard them? (Cancel goes back to them; the page says what is wrong.)</source>
        <translation>放弃这些修改吗？（选“取消”返回修改，页面上写明了问题所在。）</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
</context>
<context>
    <name>SearchIndexer</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop preparing the search (it goes on after the next import or start)</source>
        <translation>停止准备搜索（下次导入或启动后继续）</translation>
    </message>
    <message>
        <source>Preparing search: %1 of %2 patents</source>
        <translation>正在准备搜索：%2 件专利中已完成 %1 件</translation>
    </message>
    <message>
        <source>Preparing search failed: %1. Searches still find everything, more slowly.</source>
        <translation>准备搜索失败：%1。搜索仍能找到全部结果，只是较慢。</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Self-check</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Ready: every required check passed.</source>
        <translation>就绪:所有必需的检查均已通过。</translation>
    </message>
    <message>
        <source>Not ready: fix the checks marked ✗.</source>
        <translation>未就绪:请处理标有 ✗ 的检查项。</translation>
    </message>
    <message>
        <source>&amp;Self-check…</source>
        <translation>自检(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Find a font on this computer</source>
        <translation>自动查找本机字体</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Chinese font file</source>
        <translation>中文字体文件</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>In use: %1 (%2)</source>
        <translation>当前使用：%1（%2）</translation>
    </message>
    <message>
        <source>%1 can be used.</source>
        <translation>%1 可以使用。</translation>
    </message>
    <message>
        <source>Move to the server</source>
        <translation>迁移到服务器</translation>
    </message>
    <message>
        <source>The server&apos;s database is empty. Move this desk&apos;s data (every event, patent and intention) to it now?</source>
        <translation>服务器上的数据库为空。现在把本工作台的数据（所有活动、专利和意向）迁移过去吗？</translation>
    </message>
    <message>
        <source>Copy to the new file</source>
        <translation>复制到新文件</translation>
    </message>
    <message>
        <source>The new database file is empty. Copy the data in use now (every event, patent and intention) into it?</source>
        <translation>新的数据库文件为空。要把当前使用的数据（所有活动、专利和意向）复制进去吗？</translation>
    </message>
    <message>
        <source>The copy failed and was undone; nothing was changed.</source>
        <translation>复制失败，已撤销；未做任何更改。</translation>
    </message>
    <message>
        <source>Copying the data to the new database</source>
        <translation>正在把数据复制到新数据库</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>The station name cannot be empty.</source>
        <translation>工作站名称不能为空。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>S&amp;tation name:</source>
        <translation>工作站名称(&amp;T)：</translation>
    </message>
    <message>
        <source>Names this laptop in the records it creates, so that bundles from several laptops merge cleanly.</source>
        <translation>标识本机创建的记录，以便多台电脑的数据包能够干净地合并。</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>An SQLite file, or a database URL such as postgresql://user@server/roadshow. Empty: the default file in your data folder.</source>
        <translation>SQLite 文件，或数据库地址（如 postgresql://user@server/roadshow）。留空：使用数据文件夹中的默认文件。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Chinese &amp;font file:</source>
        <translation>中文字体文件(&amp;F)：</translation>
    </message>
    <message>
        <source>A TrueType font file (.ttf or .ttc) with Simplified Chinese characters, used by the window and embedded in PDFs. Empty: find one on this computer.</source>
        <translation>包含简体中文字符的 TrueType 字体文件（.ttf 或 .ttc），用于界面显示并嵌入 PDF。留空：自动查找本机字体。</translation>
    </message>
    <message>
        <source>Changes to the language, the database and the font take effect when Roadshow Desk is restarted.</source>
        <translation>界面语言、数据库和字体的更改将在重新启动路演服务台后生效。</translation>
    </message>
    <message>
        <source>“%1” does not exist. Create a new, empty database there?</source>
        <translation>“%1”不存在。要在该位置新建一个空数据库吗？</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>Shot</name>
    <message>
        <source>Cannot write %1.</source>
        <extracomment>Views that are not pages: &quot;name&quot; -&gt; &quot;module:function(window, size) -&gt; QWidget&quot;. Messages of the offscreen platform that say nothing about the shot. How long a shot lets the window work before it is captured: at least longer than every debounce timer of the pages (the match suggestions wait 120 ms, the bundles view 400 ms), and then until the work the window started on other threads (the results page&apos;s chart, the match suggestions on a server) has ended and been shown, at most SETTLE_LIMIT seconds. So a shot shows the settled window, the same on a busy machine as on an idle one. Threads alive before the shot&apos;s window existed (``_settle`` waits for the window&apos;s own).</extracomment>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Please wait until the step in progress ends.</source>
        <translation>请等待正在进行的步骤完成。</translation>
    </message>
    <message>
        <source>“%1” cancelled: nothing was changed.</source>
        <translation>已取消“%1”：没有任何更改。</translation>
    </message>
    <message>
        <source>Undo of “%1” cancelled: nothing was changed.</source>
        <translation>已取消撤销“%1”：没有任何更改。</translation>
    </message>
    <message>
        <source>Redo of “%1” cancelled: nothing was changed.</source>
        <translation>已取消重做“%1”：没有任何更改。</translation>
    </message>
</context>
</TS>
