; Inno Setup 6 script: installs VA Tracker for the current Windows user, no administrator needed.
;
; It packs the one-folder bundle that packaging\vatracker.spec builds (dist\VATracker). From the
; project folder, on Windows, with Inno Setup 6.3 or newer installed:
;
;     python packaging\build_bundle.py --installer
;
; or, for a bundle already built:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\vatracker.iss
;
; Either writes dist\VATracker-<version>-setup.exe. build_bundle.py passes the version from
; vatracker.__version__, the bundle's folder (/DBundleDir=...) and the output folder (/O...).

; The version of vatracker/__init__.py; tests/test_bundle_recipes.py keeps the two equal.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; The bundle to pack, relative to this file unless given whole.
#ifndef BundleDir
  #define BundleDir "..\..\dist\VATracker"
#endif
#define AppName "VA Tracker"
#define AppExeName "vatracker.exe"

[Setup]
; Ties upgrades and the uninstaller to this app: never change it.
AppId={{BE452AA2-923F-41D0-BE4A-A346E2407441}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per user: {autopf} is then %LOCALAPPDATA%\Programs, and shortcuts go to the user's own menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=VATracker-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\vatracker.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; The bundle is 64-bit, as the Python that built it.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; An upgrade while VA Tracker runs (often in the tray, its window closed) asks to close it
; through the Restart Manager, which finds it by the files it holds. The app creates no mutex,
; so AppMutex would not find it.
CloseApplications=yes
CloseApplicationsFilter=*.exe,*.dll,*.pyd
RestartApplications=no

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes the program and its shortcuts only: what [Files] and [Icons] put there.
; The VA's data (the database, backups and settings) lives in %LOCALAPPDATA%\vatracker (the
; platformdirs user data folder of vatracker/paths.py, or VATRACKER_DATA_DIR), which this
; installer never writes and its uninstaller never deletes: there is deliberately no
; [UninstallDelete] section, and none may name that folder.
