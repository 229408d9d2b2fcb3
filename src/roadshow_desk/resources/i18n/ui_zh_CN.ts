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
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
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
            <source>Station: %1</source>
            <extracomment>The workflow pages, in navigation order ("module:Class"). Installers of menus, actions and drop handlers ("module:function", called with the window).</extracomment>
            <translation>工作站：%1</translation>
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
            <source>Open the demo fair to look around a complete example, or start your own fair: create the event, then import the institutes' patent lists.</source>
            <translation>打开演示对接会，先看看一个完整的示例；或者开始筹备自己的对接会：先创建活动，再导入各单位的专利清单。</translation>
        </message>
        <message>
            <source>The patent library is empty</source>
            <translation>专利库是空的</translation>
        </message>
        <message>
            <source>Import the institutes' patent lists (Excel or CSV, as the national patent activation system exports them); then screen them and pick the shortlist.</source>
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
            <source>A roadshow presents an event's patents: create the event first.</source>
            <translation>路演展示的是活动的专利：请先创建活动。</translation>
        </message>
        <message>
            <source>A roadshow presents patents: import the patent list first.</source>
            <translation>路演要展示专利：请先导入专利清单。</translation>
        </message>
        <message>
            <source>A roadshow presents the event's shortlist: pick patents in the library first.</source>
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
    </context>
    <context>
        <name>Shot</name>
        <message>
            <source>Cannot write %1.</source>
            <extracomment>Views that are not pages: "name" -&gt; "module:function(window, size) -&gt; QWidget". Messages of the offscreen platform that say nothing about the shot.</extracomment>
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
</TS>
