; posreturns for Windows tills: installs the frozen app (dist\posreturns, built by PyInstaller from
; installer\posreturns.spec) per machine in Program Files, with Start-menu entries, an optional
; autostart for kiosk tills, and an uninstaller that leaves each user's till data alone
; (%LOCALAPPDATA%\posreturns: database, settings, logs).
;
;   makensis -DVERSION=1.2.0 -DAPPDIR=<dist\posreturns> -DOUTDIR=<dist> installer\windows\posreturns.nsi
;
; Code signing: set -DSIGN_COMMAND="signtool sign /fd sha256 /tr <timestamp url> /td sha256 /a" (any
; command that takes the file as its last argument); the installer and its uninstaller are then signed
; as they are written. The programs in APPDIR are signed before this script runs (see
; .github/workflows/windows.yml). Silent install for mass roll-out: posreturns-setup.exe /S [/AUTOSTART=1].

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
!ifdef QUICK_COMPRESSION  ; checks of the script (installer/tests): zlib is minutes faster than LZMA
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !error "Give the version: makensis -DVERSION=x.y.z (make nsis and the Windows workflow do)"
!endif
!ifndef APPDIR
  !error "Give the frozen app's folder: makensis -DAPPDIR=...\dist\posreturns"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif
!ifndef FILE_VERSION  ; Windows wants four numbers: give them for a pre-release (1.3.0rc1 -> 1.3.0.0)
  !define FILE_VERSION "${VERSION}.0"
!endif

!define APP "posreturns"
!define PUBLISHER "posreturns"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\posreturns"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"

!ifdef SIGN_COMMAND
  !finalize '${SIGN_COMMAND} "%1"' = 0
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTDIR}\posreturns-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${FILE_VERSION}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${APPDIR}\_internal\posreturns.ico"
!define MUI_UNICON "${APPDIR}\_internal\posreturns.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\posreturns-till.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString SEC_APP_NAME ${LANG_ENGLISH} "posreturns (required)"
LangString SEC_APP_NAME ${LANG_FRENCH} "posreturns (obligatoire)"
LangString SEC_AUTOSTART_NAME ${LANG_ENGLISH} "Open full screen when a user logs on (kiosk till)"
LangString SEC_AUTOSTART_NAME ${LANG_FRENCH} "Ouvrir en plein écran à l'ouverture de session (caisse kiosque)"
LangString SHORTCUT_CLI ${LANG_ENGLISH} "posreturns command line"
LangString SHORTCUT_CLI ${LANG_FRENCH} "posreturns en ligne de commande"
LangString NEEDS_64BIT ${LANG_ENGLISH} "posreturns needs 64-bit Windows 10 or later."
LangString NEEDS_64BIT ${LANG_FRENCH} "posreturns demande Windows 10 ou plus récent, en 64 bits."

Section "$(SEC_APP_NAME)" SecApp
  SectionIn RO
  ; An upgrade replaces the program folder whole (no file of an older version stays behind); the
  ; till data is elsewhere, per user, and is never touched here.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${APPDIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortCut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\posreturns-till.exe" "" "$INSTDIR\_internal\posreturns.ico"
  CreateShortCut "$SMPROGRAMS\${APP}\$(SHORTCUT_CLI).lnk" "$SYSDIR\cmd.exe" '/k "cd /d "$INSTDIR" && posreturns.exe --help"' "$INSTDIR\_internal\posreturns.ico"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\_internal\posreturns.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "$(SEC_AUTOSTART_NAME)" SecAutostart
  WriteRegStr HKLM "${RUN_KEY}" "${APP}" '"$INSTDIR\posreturns-till.exe" --fullscreen'
SectionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(NEEDS_64BIT)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; /AUTOSTART=1 on a silent install ticks the kiosk entry
  ${GetParameters} $0
  ${GetOptions} $0 "/AUTOSTART=" $1
  ${If} $1 == "1"
    SectionSetFlags ${SecAutostart} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Uninstall"
  ; Only what the installer wrote. %LOCALAPPDATA%\posreturns of every user (the till's database,
  ; settings and logs) stays: docs/install.md says how to delete it to wipe a till.
  DeleteRegValue HKLM "${RUN_KEY}" "${APP}"
  Delete "$SMPROGRAMS\${APP}\*.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\posreturns.exe"
  Delete "$INSTDIR\posreturns-till.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
