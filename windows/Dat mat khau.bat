@echo off
rem Set the office password of the web page ("Mo trang web.bat"): typed twice,
rem kept as a hash in the data folder beside this file.
cd /d "%~dp0"
chcp 65001 >nul
echo Đặt mật khẩu văn phòng cho trang web (ít nhất 8 ký tự).
echo Chữ gõ vào không hiện ra trên màn hình: gõ xong nhấn Enter.
echo.
baocao.exe serve --set-password
set "KETQUA=%ERRORLEVEL%"
echo.
if "%KETQUA%"=="0" echo Xong. Nhấp đúp "Mo trang web.bat", vào trang của văn phòng và đăng nhập bằng mật khẩu này.
if not "%KETQUA%"=="0" echo Chưa đặt được mật khẩu: đọc dòng "lỗi:" ở trên rồi nhấp đúp lại tệp này.
echo.
pause
exit /b %KETQUA%
