@echo off
rem Start the web page on this computer for the office's network, and open it.
rem The port is 8080; to use another, set BAOCAO_CONG (or edit the line below).
cd /d "%~dp0"
chcp 65001 >nul
if not defined BAOCAO_CONG set "BAOCAO_CONG=8080"
echo Trang web kiểm tra biểu và tổng hợp báo cáo:
echo   - trên máy này:              http://localhost:%BAOCAO_CONG%
echo   - máy khác trong mạng nội bộ: http://%COMPUTERNAME%:%BAOCAO_CONG%
echo   - trang của văn phòng:        http://localhost:%BAOCAO_CONG%/office
echo.
echo Nếu Windows hỏi về tường lửa (Windows Defender Firewall): chọn cho phép trên
echo "Mạng riêng" (Private networks), KHÔNG chọn "Mạng công cộng" (Public networks).
echo Trang web chạy đến khi đóng cửa sổ này.
echo.
rem Open the browser a moment later, once the server listens.
start "" /b cmd /c "timeout /t 2 /nobreak >nul & start "" http://localhost:%BAOCAO_CONG%/"
baocao.exe serve --bind 0.0.0.0:%BAOCAO_CONG%
echo.
echo Trang web đã dừng. Nếu có dòng "lỗi:" ở trên: cổng %BAOCAO_CONG% có thể đang bị
echo chương trình khác dùng (ví dụ cửa sổ "Mo trang web" khác đang mở).
pause
