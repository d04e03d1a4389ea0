@echo off
rem Start the web page on this computer for the office's network, and open it.
cd /d "%~dp0"
chcp 65001 >nul
echo Trang web kiểm tra biểu và tổng hợp báo cáo:
echo   - trên máy này:              http://localhost:8080
echo   - máy khác trong mạng nội bộ: http://%COMPUTERNAME%:8080
echo.
echo Nếu Windows hỏi về tường lửa (Windows Defender Firewall): chọn cho phép trên
echo "Mạng riêng" (Private networks), KHÔNG chọn "Mạng công cộng" (Public networks).
echo Trang web chạy đến khi đóng cửa sổ này.
echo.
rem Open the browser a moment later, once the server listens.
start "" /b cmd /c "timeout /t 2 /nobreak >nul & start "" http://localhost:8080/"
baocao.exe serve --bind 0.0.0.0:8080
echo.
echo Trang web đã dừng. Nếu có dòng "lỗi:" ở trên: cổng 8080 có thể đang bị chương
echo trình khác dùng (ví dụ cửa sổ "Mo trang web" khác đang mở).
pause
