; Tailan: the Windows installer (Inno Setup 6.3 or later). Built by packaging\build.ps1:
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DBundleDir=..\dist\tailan packaging\tailan.iss
; It installs the PyInstaller folder dist\tailan\ for the current user only (no
; administrator rights), into %LOCALAPPDATA%\Programs\Tailan, with a Start-menu
; shortcut and the .tailan file association in HKCU.
;
; The user's data is never inside the install folder: reports, the sample and the
; settings (tailan.ini) live in %APPDATA%\Tailan (core.paths.user_data_dir, QSettings),
; and reports wherever the user saved them. Neither an upgrade nor the uninstaller
; touches them: [InstallDelete] and [UninstallDelete] name only {app} paths.
; An upgrade opens older report files through the core's migrations, which first
; write a byte-for-byte backup copy (NAME.vN-backup.tailan) beside the file.
;
; This file is UTF-8 with BOM: it carries Mongolian text, and Inno Setup reads a
; file without BOM as ANSI.

#define AppName "Tailan"
#define AppExe "tailan.exe"
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\tailan"
#endif

[Setup]
; AppId identifies Tailan across versions (upgrades install over it): never change it.
AppId={{4DEECDE8-92D1-47E2-8BD9-770D370F57BE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tailan
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
; Per-user install: no administrator rights, no UAC prompt, no choice offered.
PrivilegesRequired=lowest
; With lowest privileges {autopf} is {localappdata}\Programs.
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DefaultGroupName={#AppName}
; Qt 6 runs on 64-bit Windows 10 (1809 or later) and Windows 11 only.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile=..\resources\icons\tailan.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\dist
OutputBaseFilename=Tailan-{#AppVersion}-setup
ShowLanguageDialog=auto

[Languages]
; Mongolian first. Inno Setup ships no official Mongolian translation; an unofficial
; one exists (Files\Languages\Unofficial\Mongolian.isl in jrsoftware/issrc) but is
; not installed with Inno Setup. It is used when found (in the compiler's Languages
; or Languages\Unofficial folder, or as packaging\Mongolian.isl); otherwise the
; Mongolian entry uses English base texts with our own Mongolian key texts below.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Mongolian.isl")
  #define MongolianIsl "compiler:Languages\Mongolian.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Mongolian.isl")
  #define MongolianIsl "compiler:Languages\Unofficial\Mongolian.isl"
#elif FileExists(AddBackslash(SourcePath) + "Mongolian.isl")
  #define MongolianIsl "Mongolian.isl"
#endif
#ifdef MongolianIsl
Name: "mn"; MessagesFile: "{#MongolianIsl}"
#else
Name: "mn"; MessagesFile: "compiler:Default.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

#ifndef MongolianIsl
[LangOptions]
mn.LanguageName=Монгол
mn.LanguageID=$0450

[Messages]
; The key texts of the wizard in Mongolian, for when no Mongolian.isl was found.
mn.SetupAppTitle=Суулгах
mn.SetupWindowTitle=Суулгах - %1
mn.SelectLanguageTitle=Суулгах хэл сонгох
mn.SelectLanguageLabel=Суулгах явцад ашиглах хэлээ сонгоно уу.
mn.ButtonBack=< &Буцах
mn.ButtonNext=&Дараах >
mn.ButtonInstall=&Суулгах
mn.ButtonOK=За
mn.ButtonCancel=Болих
mn.ButtonYes=&Тийм
mn.ButtonNo=&Үгүй
mn.ButtonFinish=&Дуусгах
mn.ButtonBrowse=&Сонгох...
mn.ExitSetupTitle=Суулгалтаас гарах
mn.ExitSetupMessage=Суулгалт дуусаагүй байна. Одоо гарвал програм суухгүй.%n%nДараа нь суулгах програмыг дахин ажиллуулж дуусгаж болно.%n%nСуулгалтаас гарах уу?
mn.WelcomeLabel1=[name] суулгах
mn.WelcomeLabel2=Энэ нь [name/ver] програмыг таны компьютерт суулгана.%n%nҮргэлжлүүлэхийн өмнө бусад програмаа хаахыг зөвлөж байна.
mn.WizardSelectDir=Суулгах хавтас сонгох
mn.SelectDirDesc=[name] програмыг хаана суулгах вэ?
mn.SelectDirLabel3=[name] програмыг дараах хавтсанд суулгана.
mn.SelectDirBrowseLabel=Үргэлжлүүлэхийн тулд «Дараах» товчийг дарна уу. Өөр хавтас сонгох бол «Сонгох» товчийг дарна уу.
mn.WizardSelectTasks=Нэмэлт үйлдэл сонгох
mn.SelectTasksDesc=Ямар нэмэлт үйлдэл хийх вэ?
mn.WizardReady=Суулгахад бэлэн
mn.ReadyLabel1=[name] програмыг суулгахад бэлэн боллоо.
mn.ReadyLabel2a=Суулгахын тулд «Суулгах» товчийг дарна уу.
mn.WizardInstalling=Суулгаж байна
mn.InstallingLabel=[name] програмыг суулгаж байна. Түр хүлээнэ үү.
mn.FinishedHeadingLabel=[name] суулгалт дууслаа
mn.FinishedLabelNoIcons=[name] програм таны компьютерт суулаа.
mn.FinishedLabel=[name] програм таны компьютерт суулаа. Эхлэх цэсний дүрсээр нээнэ үү.
mn.ClickFinish=Гарахын тулд «Дуусгах» товчийг дарна уу.
mn.ConfirmUninstall=%1 програмыг устгах уу? Таны тайлангийн файлууд устгагдахгүй.
mn.UninstallStatusLabel=%1 програмыг устгаж байна. Түр хүлээнэ үү.
mn.UninstalledAll=%1 програмыг устгалаа.
#endif

[CustomMessages]
en.LaunchTailan=Start Tailan
mn.LaunchTailan=Тайлан програмыг нээх
en.CreateDesktopIcon=Create a desktop shortcut
mn.CreateDesktopIcon=Ажлын талбарт товчлол үүсгэх
en.FileTypeName=Tailan report
mn.FileTypeName=Тайлангийн файл
en.DataKept=Tailan has been removed. Your report files were not deleted: they stay where you saved them, and the sample and settings stay in %1.
mn.DataKept=Тайлан програмыг устгалаа. Таны тайлангийн файлууд устгагдаагүй: хадгалсан газраа байна. Жишээ тайлан, тохиргоо %1 хавтсанд үлдсэн.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

[InstallDelete]
; An upgrade replaces the whole program folder's libraries (a newer bundle may have
; different files). Only {app}: never the user's data.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The .tailan file association, per user (HKCU\Software\Classes): double-clicking a
; report opens it in Tailan. The uninstaller removes only these keys.
Root: HKCU; Subkey: "Software\Classes\.tailan"; ValueType: string; ValueName: ""; ValueData: "Tailan.Report"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.tailan\OpenWithProgids"; ValueType: string; ValueName: "Tailan.Report"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Tailan.Report"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Tailan.Report\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\Tailan.Report\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tailan"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchTailan}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program may have left inside its own folder. The user's data
; ({userappdata}\Tailan: the sample, settings, locks; reports wherever saved) is
; never listed here and is never deleted.
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{userappdata}\Tailan')]), mbInformation, MB_OK);
end;
