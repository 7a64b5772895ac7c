; Inno Setup script: installs the PyInstaller bundle (dist\parcours-designer)
; on Windows, in French, with a Start menu entry, an uninstaller and the
; .parcours file association.  Build on Windows after `pyinstaller`:
;   iscc /DAppVersion=0.1.0 packaging\windows\parcours-designer.iss
; The installer lands in dist\installer\.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Parcours Designer"
#define AppExe "ParcoursDesigner.exe"
#define CliExe "parcours-designer.exe"
#define Bundle "..\..\dist\parcours-designer"

[Setup]
AppId={{6E0B7C52-4F0D-4C55-9B8E-4C1A2E7F9D31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Parcours Designer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator rights on many officers' laptops);
; the dialog offers an install for all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=ParcoursDesigner-{#AppVersion}-installation
SetupIconFile=..\..\resources\icons\parcours-designer.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "Créer une icône sur le Bureau"; GroupDescription: "Raccourcis :"; Flags: unchecked
Name: "association"; Description: "Ouvrir les fichiers .parcours avec Parcours Designer"; GroupDescription: "Types de fichiers :"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Concevoir des parcours d'accompagnement"
Name: "{group}\Désinstaller {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .parcours -> ParcoursDesigner.Parcours, opened by the windowed executable, with its icon.
Root: HKA; Subkey: "Software\Classes\.parcours"; ValueType: string; ValueName: ""; ValueData: "ParcoursDesigner.Parcours"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\.parcours"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-parcours-designer"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\ParcoursDesigner.Parcours"; ValueType: string; ValueName: ""; ValueData: "Parcours d'accompagnement"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\ParcoursDesigner.Parcours\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\ParcoursDesigner.Parcours\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".parcours"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "Lancer {#AppName}"; Flags: nowait postinstall skipifsilent
