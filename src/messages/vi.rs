//! Tiếng Việt: the default language, for civil servants — plain words, the cell,
//! the value found, and what to do.

use super::{
    encoding_name, file_names, in_code_order, list, megabytes, quoted, units, w, Explanation as X,
    Texts, Wording,
};
use crate::finding::Code::{self, *};
use crate::finding::Kind;
use crate::read::table::Column;
use crate::read::FileKind;
use crate::text::dmy;

const FORMS: &str =
    "Hãy ghi ngày (18/05/2024), tháng (05/2024), quý (Quý II/2024) hoặc \"Thường xuyên\".";
const STATUSES: &str =
    "Hãy ghi một trong ba tình trạng: Hoàn thành, Đang thực hiện, Chưa thực hiện.";
const TOO_BIG: &str = "Biểu kết quả thật không lớn như vậy: hãy xóa các trang tính, dòng, cột hoặc hình ảnh thừa rồi lưu lại.";

/// The message and hint of a finding.
pub fn wording(k: &Kind) -> Wording {
    use Kind::*;
    match k {
        Corrupt { .. } => w(
            "Không đọc được tệp này như một bảng tính: tệp bị hỏng, không trọn vẹn hoặc không đúng định dạng.",
            "Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi gửi lại.",
        ),
        NotSpreadsheet { found } => w(
            format!("Tệp này là {}, không phải bảng tính, dù tên tệp có đuôi của bảng tính.", file_kind(*found)),
            "Hãy gửi đúng tệp biểu kết quả (.xlsx, .xls hoặc .ods).",
        ),
        NotRegularFile => w(
            "Đây không phải một tệp thông thường (là đường ống, socket hoặc thiết bị) nên không được mở.",
            "Hãy đặt đúng tệp biểu kết quả (.xlsx, .xls hoặc .ods) vào chỗ này.",
        ),
        NoPermission => w(
            "Chương trình không được phép đọc tệp này (quyền truy cập tệp).",
            "Hãy cấp quyền đọc tệp cho người dùng chạy baocao, hoặc chép tệp sang thư mục của mình, rồi chạy lại.",
        ),
        OldExcel => w(
            "Tệp này ở định dạng Excel cũ 2.x–4.0, không đọc được.",
            "Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx (Sổ làm việc Excel) rồi gửi lại.",
        ),
        Encrypted => w(
            "Tệp được đặt mật khẩu nên không đọc được.",
            "Hãy gỡ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ Sổ làm việc → Mã hóa bằng Mật khẩu, xóa mật khẩu), lưu rồi gửi lại.",
        ),
        NoHeader { missing } => w(
            format!("Không tìm thấy dòng tiêu đề của bảng kết quả; thiếu các cột: {}.", list(missing.iter().map(|c| column(*c)))),
            "Trong 30 dòng đầu, hãy có một dòng tiêu đề gồm các cột Nhiệm vụ, Nội dung thực hiện, Số lượng, Đơn vị tính, Thời gian, Tình trạng; nên dùng biểu mẫu do lệnh baocao template tạo ra.",
        ),
        UnitUnknown { file_stem } => w(
            format!("Không xác định được đơn vị báo cáo: phần đầu biểu không có ô \"Đơn vị:\" và tên tệp \"{file_stem}\" không phải tên đơn vị nào."),
            "Hãy ghi \"Đơn vị: <tên đơn vị>\" ở phần đầu biểu, hoặc đặt tên tệp theo mã đơn vị, ví dụ TTUD.xlsx.",
        ),
        UnitNotInPlan { written, suggestions } => w(
            format!("Đơn vị \"{written}\" không có trong kế hoạch."),
            format!("Hãy ghi đúng tên đơn vị như trong kế hoạch. Có phải là: {}?", units(suggestions)),
        ),
        ForcedUnitNotInPlan { code, suggestions } => w(
            format!("Mã đơn vị \"{code}\" (tùy chọn --unit) không có trong kế hoạch."),
            format!("Hãy dùng mã đơn vị của kế hoạch, ví dụ {}; xem danh sách bằng lệnh baocao plan.", units(suggestions)),
        ),
        FileTooLarge { limit, found } => w(
            format!("Tệp quá lớn: {}, vượt giới hạn {}.", megabytes(*found), megabytes(*limit)),
            TOO_BIG,
        ),
        UncompressedTooLarge { limit, found } => w(
            format!("Nội dung tệp sau khi giải nén quá lớn: {}, vượt giới hạn {}.", megabytes(*found), megabytes(*limit)),
            TOO_BIG,
        ),
        TooManyCells { limit, found } => w(
            format!("Trang tính có quá nhiều ô chứa dữ liệu: {found} ô, vượt giới hạn {limit} ô."),
            TOO_BIG,
        ),
        AreaTooLarge { limit, found } => w(
            format!("Vùng dữ liệu của trang tính quá rộng: từ ô đầu đến ô cuối có dùng là {found} ô, vượt giới hạn {limit} ô (thường do một ô lạc ở rất xa bảng)."),
            TOO_BIG,
        ),
        TooManyRows { limit, found } => w(
            format!("Trang tính dùng đến dòng {found}, vượt giới hạn {limit} dòng."),
            TOO_BIG,
        ),
        TooManyColumns { limit, found } => w(
            format!("Trang tính dùng đến cột thứ {found}, vượt giới hạn {limit} cột."),
            TOO_BIG,
        ),
        TextTooLong { limit, found } => w(
            format!("Có ô chứa {found} ký tự, vượt giới hạn {limit} ký tự."),
            "Hãy rút gọn nội dung ô; đường dẫn minh chứng dài có thể ghi ở tệp riêng.",
        ),
        NoDataRows => w(
            "Có dòng tiêu đề nhưng không có dòng dữ liệu nào bên dưới.",
            "Hãy ghi mỗi hoạt động đã thực hiện vào một dòng dưới dòng tiêu đề.",
        ),
        MissingColumn { column: c, found, nearest } => w(
            format!(
                "Dòng tiêu đề thiếu cột {}. Các cột có trong dòng tiêu đề: {}.{}",
                column(*c),
                quoted(found),
                nearest.as_ref().map(|n| format!(" Cột gần nhất: \"{n}\".")).unwrap_or_default()
            ),
            match nearest {
                Some(n) => format!("Nếu cột \"{n}\" là cột {0}, hãy đổi tên cột thành \"{0}\"; nếu không, hãy thêm cột \"{0}\" vào bảng.", column(*c)),
                None => format!("Hãy thêm cột \"{0}\" vào bảng (mỗi dòng một giá trị), hoặc dùng biểu mẫu do lệnh baocao template tạo ra.", column(*c)),
            },
        ),
        ColumnByValues { column: c, header, label } => w(
            if header.is_empty() {
                format!("Cột không có tên này được nhận là cột {} theo các giá trị trong cột.", column(*c))
            } else {
                format!("Cột \"{header}\" được nhận là cột {} theo các giá trị trong cột.", column(*c))
            },
            format!("Hãy đặt tên cột là \"{label}\" để biểu được đọc chắc chắn."),
        ),
        NoTask => w(
            "Dòng này chưa ghi nhiệm vụ, và phía trên không có dòng nhóm nào ghi nhiệm vụ.",
            "Hãy ghi số nhiệm vụ theo mục IV của kế hoạch vào cột Nhiệm vụ, ví dụ 4.",
        ),
        TaskNotInPlan { written, task, tasks } => w(
            format!("Nhiệm vụ \"{written}\" không có trong kế hoạch (kế hoạch có các nhiệm vụ {}).", list(tasks)),
            format!("Hãy ghi số của một nhiệm vụ ở mục IV của kế hoạch; nhiệm vụ {task} không có."),
        ),
        TaskNoNumber { written, tasks } => w(
            format!("Không đọc được số nhiệm vụ trong \"{written}\"."),
            format!("Hãy ghi số nhiệm vụ theo mục IV của kế hoạch ({}), ví dụ 4 hoặc \"4. Tổ chức tuyên truyền…\".", list(tasks)),
        ),
        TaskNotAssigned { task, unit } => w(
            format!("Nhiệm vụ {task} không giao cho đơn vị {unit} (không chủ trì, không phối hợp)."),
            "Hãy kiểm tra lại số nhiệm vụ; nếu đơn vị thật sự có tham gia thì dòng này vẫn được tổng hợp.",
        ),
        QuantityNotNumber { value } => w(
            format!("Số lượng \"{value}\" không phải là số."),
            "Hãy nhập một số nguyên, ví dụ 12; ghi đơn vị tính ở cột Đơn vị tính.",
        ),
        QuantityNegative { value } => w(
            format!("Số lượng \"{value}\" là số âm."),
            "Hãy nhập một số nguyên không âm, ví dụ 12.",
        ),
        QuantityFractional { value } => w(
            format!("Số lượng \"{value}\" không phải số nguyên không âm."),
            "Hãy nhập một số nguyên, ví dụ 12.",
        ),
        QuantityMeasureDiffers { value, in_quantity, in_measure } => w(
            format!("Số lượng \"{value}\" ghi đơn vị \"{in_quantity}\", nhưng cột Đơn vị tính ghi \"{in_measure}\"."),
            "Hãy chỉ ghi số vào cột Số lượng và ghi đúng đơn vị ở cột Đơn vị tính.",
        ),
        StatusEmpty => w("Chưa ghi tình trạng.", STATUSES),
        StatusUnknown { value } => w(format!("Tình trạng \"{value}\" không hợp lệ."), STATUSES),
        TimeEmpty => w("Chưa ghi thời gian thực hiện.", FORMS),
        TimeUnreadable { value } => w(format!("Không đọc được thời gian \"{value}\"."), FORMS),
        TimeMonthFirst { value, suggestion } => w(
            format!("Thời gian \"{value}\" ghi tháng trước ngày (kiểu Mỹ), không có tháng như vậy."),
            format!("Hãy ghi ngày trước, tháng sau: {suggestion}."),
        ),
        TimeNotAQuarter { value } => w(
            format!("Thời gian \"{value}\": một năm chỉ có Quý I đến Quý IV."),
            "Hãy ghi quý từ I đến IV, ví dụ Quý II/2024.",
        ),
        TimeNoSuchDate { value } => w(
            format!("Thời gian \"{value}\" không có trên lịch (ngày hoặc tháng không tồn tại)."),
            "Hãy kiểm tra lại ngày, tháng và ghi theo thứ tự ngày/tháng/năm, ví dụ 18/05/2024.",
        ),
        TimeReversed { value } => w(
            format!("Khoảng thời gian \"{value}\" có ngày kết thúc trước ngày bắt đầu."),
            "Hãy ghi ngày bắt đầu trước, ví dụ 15/5/2024 - 20/5/2024.",
        ),
        OutsideYear { value, year } => w(
            format!("Thời gian \"{value}\" nằm ngoài năm {year} của kế hoạch."),
            format!("Hãy kiểm tra lại năm; chỉ báo cáo kết quả thực hiện trong năm {year}."),
        ),
        OutsideTimeline { value, task, timeline } => w(
            format!("Thời gian \"{value}\" nằm ngoài thời gian thực hiện nhiệm vụ {task} theo kế hoạch ({timeline})."),
            "Hãy kiểm tra lại thời gian hoặc số nhiệm vụ của dòng này.",
        ),
        DoneWithoutQuantity => w(
            "Tình trạng là Hoàn thành nhưng chưa ghi số lượng.",
            "Hãy ghi số lượng đã thực hiện, ví dụ 12.",
        ),
        DoneWithZeroQuantity => w(
            "Tình trạng là Hoàn thành nhưng số lượng là 0.",
            "Hãy ghi số lượng đã thực hiện, hoặc sửa tình trạng nếu chưa làm.",
        ),
        DuplicateRow { first_row, task } => w(
            format!("Dòng này trùng với dòng {first_row}: cùng nhiệm vụ {task}, cùng nội dung và thời gian."),
            "Nếu là một hoạt động, hãy xóa một dòng; nếu là hai hoạt động khác nhau, hãy ghi rõ nội dung.",
        ),
        FormulaError { column: c, error } => w(
            format!("Ô ở cột {} báo lỗi công thức {error}.", column(*c)),
            "Hãy sửa công thức hoặc gõ thẳng giá trị vào ô.",
        ),
        NoActivity => w(
            "Chưa ghi nội dung thực hiện.",
            "Hãy ghi ngắn gọn hoạt động đã làm, ví dụ \"Đăng 12 tin về CCHC trên Trang TTĐT của Sở\".",
        ),
        ContentAreasNotInPlan { areas, count } => w(
            format!("Nội dung tuyên truyền {} không có ở mục II của kế hoạch.", list(areas)),
            format!("Hãy ghi số thứ tự nội dung ở mục II, từ 1 đến {count}, cách nhau bằng dấu phẩy, ví dụ 1, 4."),
        ),
        ContentAreaUnreadable { item, count } => w(
            format!("Không đọc được nội dung tuyên truyền \"{item}\"."),
            format!("Hãy ghi số thứ tự nội dung ở mục II, từ 1 đến {count}, cách nhau bằng dấu phẩy, ví dụ 1, 4."),
        ),
        MeasureUnknown { value, measures } => w(
            format!("Đơn vị tính \"{value}\" không có trong danh sách của kế hoạch."),
            format!("Hãy dùng một trong các đơn vị tính: {}.", list(measures)),
        ),
        QuantityWithMeasure { value, quantity, measure } => w(
            format!("Ô số lượng ghi \"{value}\": đã đọc là số lượng {quantity}, đơn vị tính \"{measure}\"."),
            "Nếu đúng thì không cần sửa; lần sau hãy ghi số vào cột Số lượng và đơn vị vào cột Đơn vị tính.",
        ),
        StatusJudged { value, reading } => w(
            format!("Tình trạng \"{value}\" được hiểu là \"{reading}\"."),
            format!("Nếu không đúng, {}", STATUSES.replacen("Hãy", "hãy", 1)),
        ),
        NoMeasure { quantity } => w(
            format!("Số lượng là {quantity} nhưng chưa ghi đơn vị tính."),
            "Hãy ghi đơn vị tính, ví dụ tin, bài, lớp, người.",
        ),
        LeadTaskMissing { task, title } => w(
            format!("Đơn vị chủ trì nhiệm vụ {task} ({title}) nhưng không có dòng nào báo cáo nhiệm vụ này."),
            format!("Hãy thêm ít nhất một dòng cho nhiệm vụ {task}; nếu chưa làm, ghi tình trạng Chưa thực hiện."),
        ),
        LateReport { date, deadline } => w(
            format!("Ngày báo cáo {} muộn hơn hạn gửi {}.", dmy(*date), dmy(*deadline)),
            "Hãy gửi báo cáo đúng hạn; nếu ngày ghi nhầm, hãy sửa lại.",
        ),
        LegacyText { count, encoding } => w(
            format!("Có {count} ô gõ bằng bảng mã cũ {}; đã tự chuyển sang Unicode (ô đầu tiên ở đây).", encoding_name(*encoding)),
            "Hãy chuyển tệp sang Unicode (ví dụ bằng chức năng chuyển mã của Unikey) và dùng phông Times New Roman.",
        ),
        DecomposedText { count } => w(
            format!("Có {count} ô gõ bằng Unicode tổ hợp; đã tự chuyển sang Unicode dựng sẵn (ô đầu tiên ở đây)."),
            "Không cần sửa tệp này; lần sau hãy đặt bộ gõ ở bảng mã Unicode dựng sẵn.",
        ),
        LeadUnitMissing { unit, tasks } => w(
            format!("Đơn vị {} ({}) chủ trì nhiệm vụ {} nhưng chưa gửi biểu kết quả.", unit.code, unit.name, list(tasks)),
            "Hãy đề nghị đơn vị gửi biểu trước khi tổng hợp; hoặc vẫn tổng hợp, báo cáo sẽ ghi rõ đơn vị chưa gửi (dòng lệnh: --partial; trang web: nút “Vẫn tổng hợp”).",
        ),
        UnitMissing { unit } => w(
            format!("Đơn vị {} ({}) chưa gửi biểu kết quả.", unit.code, unit.name),
            "Đơn vị không chủ trì nhiệm vụ nào nên báo cáo vẫn được lập; nên nhắc đơn vị gửi biểu.",
        ),
        UnitClaimedTwice { unit, files } => w(
            format!("Có nhiều tệp cùng là của đơn vị {unit}: {}.", file_names(files)),
            "Hãy chỉ để lại một tệp cho mỗi đơn vị trong thư mục; công cụ không tự chọn tệp nào.",
        ),
        StrayFile { path } => w(
            format!("Tệp {} trong thư mục không phải bảng tính nên được bỏ qua.", crate::fsutil::file_name(path)),
            "Hãy chuyển tệp này ra khỏi thư mục, hoặc lưu lại dưới dạng .xlsx nếu đó là biểu kết quả.",
        ),
    }
}

/// A column's name.
pub fn column(c: Column) -> &'static str {
    match c {
        Column::RowNumber => "STT",
        Column::Task => "Nhiệm vụ",
        Column::Activity => "Nội dung thực hiện",
        Column::Quantity => "Số lượng",
        Column::Measure => "Đơn vị tính",
        Column::Time => "Thời gian",
        Column::Status => "Tình trạng",
        Column::ContentAreas => "Nội dung tuyên truyền",
        Column::Evidence => "Minh chứng",
    }
}

/// What a file that is not a spreadsheet is (E001).
pub fn file_kind(k: FileKind) -> &'static str {
    match k {
        FileKind::Pdf => "tệp PDF",
        FileKind::Rtf => "văn bản RTF",
        FileKind::Text => "tệp văn bản thuần (text)",
        FileKind::Html => "trang web (HTML)",
        FileKind::Xml => "tệp XML",
        FileKind::Excel2003Xml => {
            "bảng tính dạng XML của Excel 2003 (không hỗ trợ; hãy lưu lại dạng .xlsx)"
        }
        FileKind::Csv => "tệp CSV",
        FileKind::Xlsb => "bảng tính nhị phân Excel (.xlsb)",
        FileKind::Docx => "văn bản Word (.docx)",
        FileKind::Doc => "văn bản Word (.doc)",
        FileKind::Pptx => "bản trình chiếu PowerPoint (.pptx)",
        FileKind::Ppt => "bản trình chiếu PowerPoint (.ppt)",
        FileKind::Odt => "văn bản OpenDocument (.odt)",
        FileKind::Odp => "bản trình chiếu OpenDocument (.odp)",
        FileKind::Gzip => {
            "tệp nén gzip (Gnumeric lưu bảng tính dạng này; hãy mở bằng Gnumeric hoặc LibreOffice rồi lưu lại dạng .xlsx)"
        }
    }
}

/// `baocao explain`: one per code, in `Code::ALL` order.
const EXPLANATIONS: [X; Code::COUNT] = [
    X { code: E001, meaning: "Tệp không đọc được như một bảng tính: tệp bị hỏng, tải về chưa hết, hoặc là một loại tệp khác (Word, PDF…) bị đặt tên đuôi .xlsx. Tệp này bị bỏ qua; các tệp khác vẫn được kiểm tra.", example: "Tệp bao-cao.xlsx thật ra là văn bản Word đổi tên → E001.", fix: "Mở tệp bằng Excel hoặc LibreOffice. Nếu mở được, chọn Lưu thành… → Sổ làm việc Excel (.xlsx) rồi gửi lại; nếu không, xin đơn vị gửi lại tệp." },
    X { code: E002, meaning: "Tệp được đặt mật khẩu (mã hóa), nên không ai đọc được nội dung nếu không có mật khẩu.", example: "Biểu được lưu với tùy chọn \"Mã hóa bằng Mật khẩu\" → E002.", fix: "Mở tệp, vào Tệp → Thông tin → Bảo vệ Sổ làm việc → Mã hóa bằng Mật khẩu, xóa mật khẩu, lưu và gửi lại." },
    X { code: E003, meaning: "Không trang tính nào có dòng tiêu đề của bảng kết quả. Dòng tiêu đề phải nằm trong 30 dòng đầu và có ít nhất ba trong sáu cột bắt buộc: Nhiệm vụ, Nội dung thực hiện, Số lượng, Đơn vị tính, Thời gian, Tình trạng. Thông báo nêu các cột không tìm thấy.", example: "Bảng có các cột \"Việc đã làm\", \"Con số\", \"Ngày\" → E003: thiếu các cột Nhiệm vụ, Nội dung thực hiện, Số lượng, Đơn vị tính, Thời gian, Tình trạng.", fix: "Đặt tên cột theo biểu mẫu (chữ hoa, chữ thường, dấu không quan trọng), hoặc chép số liệu sang biểu mẫu do lệnh baocao template tạo ra." },
    X { code: E004, meaning: "Không biết tệp là của đơn vị nào: phần đầu biểu không có ô \"Đơn vị:\" (hoặc \"Tên đơn vị:\", \"Đơn vị báo cáo:\"), tên tệp không phải tên hay mã đơn vị, và không dùng --unit.", example: "Tệp ket-qua.xlsx, phần đầu biểu chỉ có tiêu đề → E004.", fix: "Ghi \"Đơn vị: Trung tâm Ứng dụng và Dịch vụ KH&CN\" ở phần đầu biểu, hoặc đặt tên tệp theo mã đơn vị (TTUD.xlsx), hoặc chạy baocao check --unit TTUD tệp.xlsx." },
    X { code: E005, meaning: "Tên đơn vị ghi trong biểu (hoặc mã ghi sau --unit) không khớp tên, tên viết tắt hay mã của đơn vị nào trong kế hoạch. Tên gần giống không được tự nhận là đơn vị đó; thông báo gợi ý những đơn vị gần nhất.", example: "Ô B3 ghi \"Đơn vị: Phòng Quản lý Khoa hoc và Công nghệ\" → E005, gợi ý QLKH, QLCN.", fix: "Ghi đúng tên đơn vị như trong kế hoạch (xem baocao plan). Nếu đơn vị hay dùng một tên khác, Phòng HC-TH có thể thêm tên đó vào danh sách tên gọi khác (aliases) trong tệp kế hoạch." },
    X { code: E006, meaning: "Tệp vượt một giới hạn an toàn (dung lượng tệp, dung lượng sau giải nén, số ô, số dòng, số cột, độ dài chữ trong một ô). Biểu kết quả thật không bao giờ lớn như vậy; giới hạn giúp một tệp hỏng hoặc độc hại không làm treo máy.", example: "Một trang tính có dữ liệu đến dòng 1.048.576 do định dạng cả cột → E006 (số dòng).", fix: "Xóa các trang tính, dòng, cột, hình ảnh thừa; chọn các dòng trống bên dưới bảng và xóa hẳn (Xóa dòng), rồi lưu lại." },
    X { code: W007, meaning: "Tìm thấy dòng tiêu đề nhưng bên dưới không có dòng dữ liệu nào (các dòng trống, dòng tổng cộng, dòng nhóm không tính).", example: "Biểu mẫu gửi đi chưa điền gì → W007.", fix: "Ghi mỗi hoạt động đã thực hiện vào một dòng. Nếu đơn vị chủ trì nhiệm vụ nào, thiếu dòng cho nhiệm vụ đó còn là lỗi E201." },
    X { code: E008, meaning: "Đã tìm thấy dòng tiêu đề (có ít nhất ba cột bắt buộc), nhưng thiếu một cột bắt buộc khác, và không cột nào trong bảng có giá trị cho thấy đó là cột ấy. Thông báo nêu các cột có trong dòng tiêu đề và cột có tên gần nhất. Các dòng dữ liệu không bị báo lỗi \"trống\" cho cột không có.", example: "Dòng tiêu đề \"TT | Nội dung hoạt động | Nhiệm vụ số | Số lượng | ĐVT | Thời gian | Tình hình\", cột cuối ghi những câu tự do → E008: thiếu cột Tình trạng; cột gần nhất \"Tình hình\".", fix: "Thêm cột còn thiếu vào bảng, hoặc đổi tên cột đang giữ giá trị ấy theo tên trong biểu mẫu (ví dụ \"Tình trạng\"). Tên cột không phân biệt chữ hoa, chữ thường, dấu." },
    X { code: W009, meaning: "Một cột bắt buộc (Tình trạng, Đơn vị tính hoặc Thời gian) không có tên được chấp nhận, nhưng phần lớn giá trị trong cột đúng là loại giá trị của cột ấy, nên cột được nhận theo giá trị. Biểu vẫn được đọc; cảnh báo gợi ý tên cột nên đặt.", example: "Cột G có tiêu đề \"Kết quả\" và các ô ghi \"Hoàn thành\", \"Đang thực hiện\" → W009 tại ô G5: cột được nhận là cột Tình trạng; hãy đặt tên cột là \"Tình trạng\".", fix: "Đổi tên cột theo gợi ý; không cần sửa gì khác." },
    X { code: E101, meaning: "Dòng có nội dung nhưng ô Nhiệm vụ để trống, và phía trên không có dòng nhóm (ví dụ \"4. Tổ chức tuyên truyền…\") để biết dòng thuộc nhiệm vụ nào.", example: "Dòng 8: Nhiệm vụ trống, Nội dung \"Đăng 5 tin\" → E101 tại ô Nhiệm vụ của dòng 8.", fix: "Ghi số nhiệm vụ (mục IV của kế hoạch) vào ô, ví dụ 1; hoặc thêm một dòng nhóm ghi nhiệm vụ phía trên các dòng của nhiệm vụ đó." },
    X { code: E102, meaning: "Ô Nhiệm vụ ghi một nhiệm vụ không có trong mục IV của kế hoạch, hoặc không có số nhiệm vụ ở đầu. Chấp nhận: 4, 4.0, IV.4, NV4, Nhiệm vụ 4, hoặc tên có số ở đầu \"4. Tổ chức…\".", example: "Ô A9 ghi 17 trong khi kế hoạch không có nhiệm vụ 17 → E102.", fix: "Ghi đúng số nhiệm vụ theo mục IV của kế hoạch (xem baocao plan)." },
    X { code: W103, meaning: "Nhiệm vụ có trong kế hoạch nhưng không giao cho đơn vị này, kể cả chủ trì hay phối hợp. Dòng vẫn được tổng hợp; đây có thể là ghi nhầm số nhiệm vụ.", example: "Phòng Quản lý Khoa học báo cáo nhiệm vụ 5 (chỉ Phòng QL TCĐLCL thực hiện) → W103.", fix: "Kiểm tra lại số nhiệm vụ; nếu đúng là đơn vị có tham gia thì không cần sửa." },
    X { code: E104, meaning: "Số lượng phải là số nguyên không âm, hoặc để trống nếu hoạt động không đếm được. Trong chữ, dấu chấm và khoảng trắng là dấu phân cách hàng nghìn (1.234 = 1234), dấu phẩy là dấu thập phân; số lẻ bị báo lỗi, không bao giờ tự làm tròn.", example: "Ô F12 ghi \"12,5\" → E104: Số lượng \"12,5\" không phải số nguyên không âm.", fix: "Nhập số nguyên, ví dụ 12; ghi đơn vị tính (tin, bài…) ở cột Đơn vị tính, không ghi vào ô số lượng." },
    X { code: E105, meaning: "Tình trạng để trống hoặc không thuộc các giá trị được chấp nhận: Hoàn thành (Đã hoàn thành, HT, Hoàn thành 100%, Đã thực hiện), Đang thực hiện (Đang triển khai; Đã triển khai và Thực hiện thường xuyên cũng được hiểu là Đang thực hiện, kèm cảnh báo W116), Chưa thực hiện (Chưa triển khai). Chữ hoa, chữ thường, dấu không quan trọng.", example: "Ô H10 ghi \"Xong\" → E105.", fix: "Chọn một trong ba tình trạng; biểu mẫu của baocao template có sẵn danh sách chọn." },
    X { code: E106, meaning: "Thời gian để trống hoặc không đọc được. Ngày luôn ghi ngày trước, tháng sau: 05/18/2024 là lỗi (không có tháng 18), không bao giờ được hiểu theo kiểu Mỹ.", example: "Ô G7 ghi \"05/18/2024\" → E106, gợi ý 18/05/2024.", fix: "Ghi một ngày (18/05/2024), một tháng (05/2024 hoặc tháng 5/2024), một quý (Quý II/2024), một khoảng (15/5/2024 - 20/5/2024) hoặc \"Thường xuyên\", \"Cả năm\"." },
    X { code: W107, meaning: "Thời gian đọc được nhưng nằm (một phần) ngoài năm của kế hoạch.", example: "Ô G5 ghi 20/12/2023 trong báo cáo năm 2024 → W107.", fix: "Sửa năm nếu ghi nhầm; hoạt động của năm khác không thuộc báo cáo này." },
    X { code: W108, meaning: "Thời gian nằm trong năm nhưng không nằm trọn trong thời gian thực hiện nhiệm vụ theo kế hoạch. Cả \"Thường xuyên\" cũng được nhắc với nhiệm vụ chỉ làm trong một quý.", example: "Nhiệm vụ 4 (Quý II/2024) ghi thời gian 15/08/2024 → W108.", fix: "Kiểm tra lại thời gian hoặc số nhiệm vụ; nếu hoạt động thật sự diễn ra lúc đó thì không cần sửa." },
    X { code: W109, meaning: "Tình trạng là Hoàn thành nhưng số lượng để trống hoặc bằng 0, nên báo cáo không có con số cho hoạt động này.", example: "Dòng 11: Tình trạng \"Hoàn thành\", Số lượng trống → W109 tại ô Số lượng.", fix: "Ghi số lượng đã thực hiện; nếu chưa làm được gì, sửa tình trạng." },
    X { code: W110, meaning: "Dòng lặp lại một dòng phía trên: cùng nhiệm vụ, cùng nội dung (không phân biệt hoa thường, dấu cách) và cùng thời gian. Cả hai dòng đều được tính, nên số liệu có thể bị cộng hai lần.", example: "Dòng 9 và dòng 14 cùng ghi nhiệm vụ 1, \"Đăng tin CCHC\", tháng 5/2024 → W110 tại dòng 14.", fix: "Xóa dòng lặp, hoặc ghi rõ nội dung nếu là hai hoạt động khác nhau." },
    X { code: E111, meaning: "Một ô của bảng chứa lỗi công thức của Excel (#REF!, #VALUE!, #DIV/0!, #N/A…), nên không có giá trị để tổng hợp.", example: "Ô F8 có công thức =F7+Sheet2!A1 nhưng Sheet2 đã bị xóa → E111: #REF!.", fix: "Sửa công thức, hoặc gõ thẳng con số vào ô (chọn ô, sao chép, Dán đặc biệt → Giá trị)." },
    X { code: E112, meaning: "Dòng không ghi nội dung thực hiện, nên báo cáo không biết đã làm gì.", example: "Dòng 10 có nhiệm vụ, số lượng nhưng ô Nội dung thực hiện trống → E112.", fix: "Ghi ngắn gọn hoạt động, ví dụ \"Đăng 12 tin về CCHC trên Trang TTĐT của Sở\"." },
    X { code: W113, meaning: "Cột Nội dung tuyên truyền (không bắt buộc) ghi số không có ở mục II của kế hoạch, hoặc không đọc được.", example: "Ô I6 ghi \"1, 12\" trong khi mục II có 9 nội dung → W113 (12).", fix: "Ghi số thứ tự nội dung ở mục II, cách nhau bằng dấu phẩy, ví dụ 1, 4, 7." },
    X { code: W114, meaning: "Đơn vị tính không có trong danh sách của kế hoạch; dòng vẫn được tổng hợp nhưng không cộng chung được với các dòng khác.", example: "Ô E9 ghi \"cái\" → W114.", fix: "Dùng một đơn vị tính của kế hoạch (tin, bài, lớp, người…); Phòng HC-TH có thể bổ sung đơn vị tính vào tệp kế hoạch." },
    X { code: E115, meaning: "Có số lượng lớn hơn 0 nhưng không ghi đơn vị tính, nên không biết là 12 tin, 12 lớp hay 12 người.", example: "Dòng 7: Số lượng 12, Đơn vị tính trống → E115 tại ô Đơn vị tính.", fix: "Ghi đơn vị tính, ví dụ tin, bài, lớp, người." },
    X { code: W116, meaning: "Một giá trị được đọc bằng cách diễn giải, và thông báo nói đã đọc thế nào: số lượng ghi kèm đơn vị trong cùng một ô (\"02 lớp\", \"9 tin/bài\") được đọc thành số và đơn vị tính khi cột Đơn vị tính trống hoặc ghi cùng đơn vị; tình trạng ghi bằng từ cần hiểu ý (\"Đã triển khai\", \"Thực hiện thường xuyên\") được hiểu là \"Đang thực hiện\". Dòng vẫn được tổng hợp.", example: "Ô F9 ghi \"145 học viên\", ô Đơn vị tính trống → W116: đã đọc là số lượng 145, đơn vị tính \"học viên\".", fix: "Nếu cách đọc đúng thì không cần sửa. Lần sau ghi số ở cột Số lượng, đơn vị ở cột Đơn vị tính, và chọn tình trạng trong danh sách của biểu mẫu." },
    X { code: E201, meaning: "Đơn vị chủ trì một nhiệm vụ nhưng biểu không có dòng nào cho nhiệm vụ đó. Kết quả nhiệm vụ chủ trì là phần bắt buộc của báo cáo.", example: "Biểu của Chi cục TCĐLCL không có dòng nào cho nhiệm vụ 6 → E201.", fix: "Thêm ít nhất một dòng cho nhiệm vụ; nếu chưa làm, ghi tình trạng Chưa thực hiện hoặc Đang thực hiện." },
    X { code: W202, meaning: "Ngày báo cáo ghi ở phần đầu biểu (\"Ngày báo cáo:\") muộn hơn hạn gửi của kế hoạch. Không ghi ngày báo cáo hoặc ghi không đọc được thì không kiểm tra.", example: "\"Ngày báo cáo: 20/11/2024\" khi hạn là 15/11/2024 → W202.", fix: "Gửi báo cáo đúng hạn; nếu ngày ghi nhầm, sửa lại." },
    X { code: W203, meaning: "Có chữ gõ bằng bảng mã cũ (TCVN3 với phông .VnTime, VNI-Windows) hoặc Unicode tổ hợp; công cụ đã tự chuyển sang Unicode dựng sẵn. Mỗi tệp chỉ báo một lần, kèm số ô và ô đầu tiên.", example: "Ô A1 hiển thị \"Trung t©m øng dông\" (TCVN3) → W203.", fix: "Dùng Unikey: chọn bảng, Công cụ chuyển mã từ TCVN3 (hoặc VNI) sang Unicode, rồi đổi phông sang Times New Roman." },
    X { code: E301, meaning: "Một đơn vị chủ trì nhiệm vụ nhưng thư mục tổng hợp không có tệp nào của đơn vị đó; báo cáo sẽ thiếu kết quả nhiệm vụ.", example: "Không có tệp của Chi cục TCĐLCL, đơn vị chủ trì nhiệm vụ 6 → E301.", fix: "Đề nghị đơn vị gửi biểu; hoặc tổng hợp với --partial, báo cáo sẽ ghi rõ đơn vị chưa gửi." },
    X { code: W302, meaning: "Một đơn vị không chủ trì nhiệm vụ nào chưa gửi biểu. Báo cáo vẫn được lập.", example: "Không có tệp của Thanh tra Sở → W302.", fix: "Nhắc đơn vị gửi biểu nếu có hoạt động phối hợp cần ghi nhận." },
    X { code: E303, meaning: "Hai tệp trở lên cùng là của một đơn vị; công cụ không tự chọn tệp nào để tránh cộng trùng hoặc bỏ sót.", example: "Thư mục có TTUD.xlsx và TTUD-sua.xlsx → E303.", fix: "Chỉ để lại tệp đúng của đơn vị trong thư mục." },
    X { code: W304, meaning: "Thư mục tổng hợp có một tệp không phải bảng tính; tệp bị bỏ qua. Tệp khóa của Office (~$…) và tệp ẩn được bỏ qua mà không báo.", example: "Thư mục có ghi-chu.docx → W304.", fix: "Chuyển tệp ra khỏi thư mục; nếu đó là biểu kết quả, lưu lại dưới dạng .xlsx." },
];
const _: () = assert!(
    in_code_order(&EXPLANATIONS),
    "one explanation per code, in Code::ALL order"
);

pub static TEXTS: Texts = Texts {
    explanations: &EXPLANATIONS,
    ui: &[
        ("error", "lỗi"),
        ("warning", "cảnh báo"),
        ("explain.example", "Ví dụ"),
        ("explain.fix", "Cách sửa"),
        ("explain.unknown", "không có mã \"{code}\". Các mã hợp lệ: {codes}"),
        ("summary", "{files} tệp, {rows} dòng dữ liệu: {errors} lỗi, {warnings} cảnh báo."),
        ("file.unit", "đơn vị {unit}"),
        ("file.unit_unknown", "chưa xác định đơn vị"),
        ("file.sheet", "trang tính \"{sheet}\""),
        ("file.rows", "{rows} dòng dữ liệu"),
        ("file.ok", "không có lỗi"),
        ("file.whole", "cả tệp"),
        ("file.ignored", "các trang tính không đọc: {sheets}"),
        ("file.detail", "chi tiết: {detail}"),
        ("batch", "Toàn bộ thư mục"),
        ("check.missing", "không tìm thấy tệp {path}"),
        ("template.unknown_unit", "không có đơn vị mã \"{code}\" trong kế hoạch. Các mã hợp lệ: {codes}."),
        ("template.exists", "tệp đã có, không ghi đè:\n{files}\nThêm --force để ghi đè."),
        ("template.cannot_write", "không ghi được tệp {path}"),
        ("template.written", "Đã ghi {path}: {tasks} nhiệm vụ ({lead} chủ trì, {coordinating} phối hợp)."),
        ("page.written", "Đã ghi {path} ({size}): trang kiểm tra biểu năm {year}, mở bằng trình duyệt, không cần mạng. Gửi tệp này cho các đơn vị."),
        ("page.cannot_write", "không ghi được {path}"),
        ("load.plan", "tệp kế hoạch {path}"),
        ("load.texts", "tệp văn bản cố định của báo cáo {path}"),
        ("load.vocabulary", "tệp từ ngữ {path}"),
        ("fs.create_folder", "không tạo được thư mục {path}: {cause}"),
        ("fs.write", "không ghi được tệp {path}: {cause}"),
        ("fs.not_a_file_path", "{path} không phải đường dẫn của một tệp"),
        ("fs.output_is_input", "{path} là một trong các tệp đầu vào"),
        ("fs.output_in_input", "{path} nằm ngay trong thư mục đầu vào {dir}; hãy ghi báo cáo ra thư mục khác"),
        ("fs.output_is_folder", "{path} là một thư mục"),
        ("compile.input", "không đọc được thư mục {dir}"),
        ("compile.roster", "Theo đơn vị:"),
        ("compile.roster_missing", "CHƯA GỬI ({code})"),
        ("compile.roster_ok", "{file} — {rows} dòng, không có lỗi"),
        ("compile.roster_warnings", "{file} — {rows} dòng, {warnings} cảnh báo ({codes})"),
        ("compile.roster_errors", "{file} — {rows} dòng, {errors} lỗi, {warnings} cảnh báo ({codes}); các dòng có lỗi không được tổng hợp"),
        ("compile.roster_excluded", "{file} — KHÔNG ĐƯỢC TỔNG HỢP ({codes})"),
        ("compile.written", "Đã ghi báo cáo {path} ({rows} dòng kết quả)."),
        ("compile.workbook", "Đã ghi bảng tính tổng hợp {path} (cho lãnh đạo Sở: nguồn từng dòng, tổng theo nhiệm vụ, khó khăn và kiến nghị của các đơn vị, tình hình gửi báo cáo)."),
        ("compile.plan_reference_missing", "Lưu ý: tệp kế hoạch chưa có số, ký hiệu hoặc ngày ban hành Kế hoạch của Sở (trường \"number\", \"issued\"); đoạn mở đầu của báo cáo để trống \"…\" để văn thư điền."),
        ("compile.partial", "Đã ghi báo cáo {path} với --partial ({rows} dòng kết quả): các tệp và dòng có lỗi bị loại, báo cáo nêu rõ ở phần tồn tại, hạn chế."),
        ("compile.blocked", "Chưa ghi báo cáo vì còn {errors} lỗi. Đề nghị các đơn vị sửa và gửi lại, hoặc dùng --partial để ghi báo cáo không gồm các tệp, dòng có lỗi."),
        ("plan.heading", "{title} — {agency}"),
        ("plan.compiling", "Đơn vị tổng hợp: {unit}"),
        ("plan.units_report", "Hạn các đơn vị gửi kết quả: {date}"),
        ("plan.department_report", "Hạn Sở báo cáo UBND tỉnh: {date}"),
        ("plan.tasks", "Nhiệm vụ (mục IV)"),
        ("plan.lead", "Chủ trì"),
        ("plan.coordinating", "Phối hợp"),
        ("plan.timeline", "Thời gian"),
        ("plan.all_units", "tất cả các đơn vị"),
        ("plan.none", "không có"),
        ("plan.content_areas", "Nội dung tuyên truyền (mục II)"),
        ("plan.measures", "Đơn vị tính"),
        ("plan.units", "Mỗi đơn vị phải báo cáo"),
        ("plan.must_lead", "Chủ trì (thiếu dòng là lỗi E201)"),
        ("plan.may_coordinate", "Phối hợp"),
        ("plan.nothing", "không có nhiệm vụ được giao"),
    ],
};
