@echo off
rem imelab launcher for Windows: builds the runnable jar when missing and runs the CLI.
rem Needs JAVA_HOME pointing at a JDK 21 or newer. "imelab test" runs every test.
setlocal
set "ROOT=%~dp0"
if "%JAVA_HOME%"=="" (
  echo imelab: set JAVA_HOME to a JDK 21 or newer 1>&2
  exit /b 1
)
if /i "%~1"=="test" (
  shift
  call "%ROOT%mvnw.cmd" -B verify
  exit /b %ERRORLEVEL%
)
if not exist "%ROOT%agent\target\imelab.jar" (
  echo imelab: building... 1>&2
  call "%ROOT%mvnw.cmd" -B -q -DskipTests package 1>&2 || exit /b 1
)
"%JAVA_HOME%\bin\java" %IMELAB_JAVA_OPTS% -jar "%ROOT%agent\target\imelab.jar" %*
