@echo off
rem imelab sample uninstaller: uninstall.cmd MARKER - removes MARKER and leaves MARKER.removed
set "dir=%ProgramData%\imelab-sample"
if not exist "%dir%" mkdir "%dir%" || exit /b 1
del /q "%dir%\%~1" 2>nul
echo %date% %time%> "%dir%\%~1.removed" || exit /b 1
echo imelab sample: %~1 removed
exit /b 0
