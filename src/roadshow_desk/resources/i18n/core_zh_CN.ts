<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>Interrupted; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The file is not a Roadshow Desk database (it has tables but no schema version).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer version of Roadshow Desk; update the app to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
