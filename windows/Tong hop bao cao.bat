@echo off
rem Compile every spreadsheet of the "input" folder into the report in "output",
rem then open the "output" folder. No report is written while errors remain.
cd /d "%~dp0"
chcp 65001 >nul
echo Đang kiểm tra và tổng hợp các biểu trong thư mục input...
echo.
baocao.exe compile
set "KETQUA=%ERRORLEVEL%"
echo.
if not "%KETQUA%"=="0" goto loi
echo Xong. Báo cáo đã ghi vào thư mục output (đang mở thư mục).
start "" "%~dp0output"
echo.
pause
exit /b 0

:loi
if "%KETQUA%"=="1" echo Chưa ghi báo cáo: các biểu ghi "lỗi" ở trên cần được đơn vị sửa và gửi lại; chép bản đã sửa vào thư mục input rồi chạy lại.
if not "%KETQUA%"=="1" echo Không tổng hợp được: đọc dòng "lỗi:" ở trên.
echo.
pause
exit /b %KETQUA%
