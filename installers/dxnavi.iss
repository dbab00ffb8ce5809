; Inno Setup script: per-user install of 自治体DXナビ, no administrator rights (LGWAN PCs rarely grant them).
; No auto-update and no telemetry: updates arrive as signed offline installers (DOMAIN.md §9.2).
#define AppVersion GetEnv("DXNAVI_VERSION")

[Setup]
AppId={{6C7B7D2E-5C1B-4E37-9F0A-3D7A0A1B2C01}
AppName=自治体DXナビ
AppVersion={#AppVersion}
AppPublisher=自治体DXナビ開発チーム
DefaultDirName={localappdata}\Programs\DXNavi
DefaultGroupName=自治体DXナビ
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DisableProgramGroupPage=yes
OutputBaseFilename=dxnavi-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Files]
Source: "..\dist\dxnavi\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\自治体DXナビ"; Filename: "{app}\dxnavi.exe"
Name: "{userdesktop}\自治体DXナビ"; Filename: "{app}\dxnavi.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "デスクトップにアイコンを作成する"; Flags: unchecked

[Run]
Filename: "{app}\dxnavi.exe"; Description: "自治体DXナビを起動する"; Flags: nowait postinstall skipifsilent
