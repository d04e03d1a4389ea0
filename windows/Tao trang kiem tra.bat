@echo off
rem Write the offline check page again from templates\plan.json (after editing
rem the plan for a new year), as "Trang kiem tra bieu.html" beside this file.
cd /d "%~dp0"
chcp 65001 >nul
baocao.exe page --output "Trang kiem tra bieu.html"
set "KETQUA=%ERRORLEVEL%"
echo.
if "%KETQUA%"=="0" echo Xong: đã ghi tệp "Trang kiem tra bieu.html". Gửi tệp này cho các đơn vị.
if not "%KETQUA%"=="0" echo Chưa tạo được trang: đọc dòng "lỗi:" ở trên, thường là lỗi trong tệp templates\plan.json.
echo.
pause
exit /b %KETQUA%
