@echo off
rem Check spreadsheets: drag one or more files onto this icon.
rem The window stays open so the result can be read.
cd /d "%~dp0"
chcp 65001 >nul
if "%~1"=="" goto usage
baocao.exe check %*
set "KETQUA=%ERRORLEVEL%"
echo.
if "%KETQUA%"=="0" echo Biểu không có lỗi. Có thể gửi cho Văn phòng Sở.
if "%KETQUA%"=="1" echo Biểu còn lỗi: sửa các ô ghi ở trên, lưu lại rồi kiểm tra lại.
if "%KETQUA%"=="2" echo Không kiểm tra được: đọc dòng "lỗi:" ở trên.
echo.
pause
exit /b %KETQUA%

:usage
echo Cách dùng: kéo tệp biểu kết quả (.xlsx, .xls, .ods) thả vào biểu tượng
echo "Kiem tra bieu.bat". Một cửa sổ sẽ hiện kết quả kiểm tra.
echo.
pause
exit /b 2
