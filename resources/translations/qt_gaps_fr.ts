<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The strings of Qt's own dialogs that Qt's French translation (qtbase_fr) lacks.
     Compiled to qt_gaps_fr.qm with: pyside6-lrelease qt_gaps_fr.ts (a test checks the .qm). -->
<TS version="2.1" language="fr_FR">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Regarder dans&#160;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Type de fichier&#160;:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
</context>
</TS>
