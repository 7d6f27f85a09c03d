; Inno Setup 6 script: per-user installer for fitnote-desktop on Windows 10/11 (x64).
;
; Built by `python installer\build.py` when ISCC.exe is found, or by hand after it:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\..\dist\fitnote-desktop /DOutputDir=..\..\dist fitnote-desktop.iss
;
; Why per-user (PrivilegesRequired=lowest): practice laptops are often managed and
; physicians have no administrator rights; the program installs into
; %LOCALAPPDATA%\Programs\fitnote-desktop, the Start-menu entry into the user's own
; Start menu, and the uninstaller registers under HKCU (Settings > Apps lists it).
; The uninstaller removes the program only: profiles (the encrypted databases, in
; %LOCALAPPDATA%\fitnote-desktop) are medical records and stay until the physician
; deletes them in the program.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build.py does)
#endif
#ifndef AppNumericVersion
  ; Windows version resources take digits only (0.2.0, not 0.2.0rc1).
  #define AppNumericVersion AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\fitnote-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Fitnote Desktop"
#define AppExe "fitnote-desktop.exe"

[Setup]
; A fixed AppId identifies the program across versions (upgrade in place, one entry in
; Apps & features). Never change it.
AppId={{6F0B1C2E-9A57-4E0B-8C1D-3F1B7A2D5E90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=fitnote-desktop developers
VersionInfoVersion={#AppNumericVersion}
DefaultDirName={autopf}\fitnote-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=fitnote-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\fitnote-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Close a running instance before replacing its files (Restart Manager).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version replaces the whole bundle: no stale modules or Qt plugins from the last one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the program may create next to itself at run time (none expected; belt and braces).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
