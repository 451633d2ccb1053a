@echo off
rem imelab sample installer: install.cmd MARKER EXITCODE [NEEDS]
rem Writes MARKER ("-" for none) into the sample folder, then exits with EXITCODE.
rem With NEEDS, fails with 1 unless that marker is there (a dependency must be installed first).
set "dir=%ProgramData%\imelab-sample"
if not exist "%dir%" mkdir "%dir%" || exit /b 1
if not "%~3"=="" if not exist "%dir%\%~3" (echo missing dependency %~3 1>&2& exit /b 1)
if not "%~1"=="-" (echo %date% %time%> "%dir%\%~1" & del /q "%dir%\%~1.removed" 2>nul)
echo imelab sample: %~1 installed, exit code %~2
exit /b %~2
