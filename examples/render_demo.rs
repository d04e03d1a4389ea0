//! Writes `output/demo.docx`: the report for the shipped plan and texts, from a
//! realistic synthetic set of checked files (seven units, every task, one late
//! file, one unit missing, remarks). Convert it with LibreOffice to look at it:
//! `cargo run --example render_demo && soffice --headless --convert-to pdf --outdir output output/demo.docx`
//! Pass `--date YYYY-MM-DD` to fill the signing date.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use baocao::check::{CheckedFile, ResultRow};
use baocao::finding::{Finding, Kind};
use baocao::plan::Plan;
use baocao::read::table::Column;
use baocao::report::aggregate::{aggregate, Exclusion};
use baocao::report::exclusion::Reason;
use baocao::report::render::report_docx;
use baocao::report::texts::Texts;
use baocao::value::{parse_time_text, Period, Status};
use chrono::NaiveDate;

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = Plan::load(&root.join("templates/plan.json"))?;
    let texts = Texts::shipped();
    let args: Vec<String> = std::env::args().collect();
    let date = match args.iter().position(|a| a == "--date") {
        Some(i) => Some(
            NaiveDate::parse_from_str(args.get(i + 1).context("--date needs a value")?, "%Y-%m-%d")
                .context("--date YYYY-MM-DD")?,
        ),
        None => None,
    };
    let files = demo_files(&plan);
    let exclusions = [Exclusion {
        path: PathBuf::from("bao-cao-QLKH.xlsx"),
        unit: Some("QLKH".into()),
        rows: Vec::new(),
        reason: Some(Reason::Finding(Box::new(Finding::new(Kind::NoHeader {
            missing: vec![Column::Task],
        })))),
    }];
    let data = aggregate(&plan, &files, &exclusions);
    let bytes = report_docx(&data, &plan, &texts, date)?;
    std::fs::create_dir_all(root.join("output"))?;
    let out = root.join("output/demo.docx");
    std::fs::write(&out, bytes).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "{} ({} rows in the appendix)",
        out.display(),
        data.rows_included
    );
    Ok(())
}

struct Spec<'a> {
    task: u32,
    activity: &'a str,
    quantity: Option<u64>,
    measure: &'a str,
    time: &'a str,
    status: Status,
    areas: &'a [u32],
    evidence: &'a str,
}

fn file(
    plan: &Plan,
    unit: &str,
    date: &str,
    specs: Vec<Spec<'_>>,
    difficulties: &[&str],
    proposals: &[&str],
) -> CheckedFile {
    let path = PathBuf::from(format!("{unit}.xlsx"));
    let rows: Vec<ResultRow> = specs
        .into_iter()
        .enumerate()
        .map(|(i, s)| ResultRow {
            unit: unit.into(),
            path: path.as_path().into(),
            sheet: "Kết quả".into(),
            row: 7 + i as u32,
            task: s.task,
            role: plan.task(s.task).and_then(|t| plan.role(t, unit)),
            activity: s.activity.into(),
            quantity: s.quantity,
            measure: (!s.measure.is_empty()).then(|| s.measure.to_string()),
            time_text: s.time.into(),
            period: parse_time_text(s.time, plan.year, baocao::vocabulary::Vocabulary::shipped())
                .unwrap_or(Period::year(plan.year).unwrap()),
            status: s.status,
            content_areas: s.areas.to_vec(),
            evidence: (!s.evidence.is_empty()).then(|| s.evidence.to_string()),
        })
        .collect();
    CheckedFile {
        path,
        unit: Some(unit.into()),
        sheet: Some("Kết quả".into()),
        rows_total: rows.len(),
        rows,
        findings: vec![],
        report_date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        difficulties: difficulties.iter().map(|s| s.to_string()).collect(),
        proposals: proposals.iter().map(|s| s.to_string()).collect(),
        ignored_sheets: vec![],
    }
}

fn demo_files(plan: &Plan) -> Vec<CheckedFile> {
    use Status::*;
    const WEB: &str = "skhcn.quangngai.gov.vn/cchc";
    let mut ttud = Vec::new();
    for m in 1..=10u32 {
        ttud.push(Spec {
            task: 1,
            activity:
                "Đăng tải tin, bài về hoạt động cải cách hành chính của Sở trên chuyên mục CCHC",
            quantity: Some(8 + u64::from(m % 4)),
            measure: "tin/bài",
            time: [
                "Tháng 1/2024",
                "Tháng 2/2024",
                "Tháng 3/2024",
                "Tháng 4/2024",
                "Tháng 5/2024",
                "Tháng 6/2024",
                "Tháng 7/2024",
                "Tháng 8/2024",
                "Tháng 9/2024",
                "Tháng 10/2024",
            ][m as usize - 1],
            status: Done,
            areas: &[1, 2],
            evidence: WEB,
        });
    }
    ttud.extend([
        Spec {
            task: 1,
            activity: "Cập nhật văn bản chỉ đạo của Trung ương, của tỉnh về CCHC",
            quantity: Some(24),
            measure: "văn bản",
            time: "Thường xuyên",
            status: Done,
            areas: &[1, 3],
            evidence: WEB,
        },
        Spec {
            task: 2,
            activity: "Công khai thủ tục hành chính thuộc thẩm quyền giải quyết của Sở",
            quantity: Some(53),
            measure: "thủ tục",
            time: "Quý I/2024",
            status: Done,
            areas: &[2, 4],
            evidence: "skhcn.quangngai.gov.vn/tthc",
        },
        Spec {
            task: 2,
            activity:
                "Đăng tải nội dung tuyên truyền dịch vụ công trực tuyến, thanh toán trực tuyến",
            quantity: Some(12),
            measure: "tin/bài",
            time: "Quý II/2024",
            status: Done,
            areas: &[4, 7],
            evidence: WEB,
        },
        Spec {
            task: 2,
            activity: "Công khai số điện thoại đường dây nóng tiếp nhận phản ánh, kiến nghị",
            quantity: Some(1),
            measure: "tin/bài",
            time: "15/03/2024",
            status: Done,
            areas: &[9],
            evidence: WEB,
        },
        Spec {
            task: 3,
            activity: "Xuất bản Bản tin Khoa học và Công nghệ Quảng Ngãi",
            quantity: Some(4),
            measure: "số",
            time: "Thường xuyên trong năm",
            status: InProgress,
            areas: &[2, 8],
            evidence: "Bản tin số 1–4/2024",
        },
        Spec {
            task: 3,
            activity: "Phối hợp Đài PT-TH tỉnh thực hiện chuyên mục Khoa học và Công nghệ",
            quantity: Some(10),
            measure: "chuyên mục",
            time: "Thường xuyên trong năm",
            status: Done,
            areas: &[2, 5],
            evidence: "Đài PT-TH Quảng Ngãi",
        },
        Spec {
            task: 4,
            activity: "Trưng bày, giới thiệu kết quả ứng dụng KH&CN nhân Ngày KH&CN Việt Nam 18/5",
            quantity: Some(1),
            measure: "hoạt động",
            time: "18/05/2024",
            status: Done,
            areas: &[8],
            evidence: "Kế hoạch số 45/KH-TTUD",
        },
    ]);
    let hcth = vec![
        Spec {
            task: 1,
            activity: "Cung cấp tin, bài về công tác CCHC của Sở",
            quantity: Some(9),
            measure: "tin/bài",
            time: "Thường xuyên",
            status: Done,
            areas: &[1],
            evidence: WEB,
        },
        Spec {
            task: 4,
            activity: "Tổ chức Lễ kỷ niệm Ngày KH&CN Việt Nam 18/5 lồng ghép tuyên truyền CCHC",
            quantity: Some(1),
            measure: "hội nghị",
            time: "17/05/2024",
            status: Done,
            areas: &[1, 6],
            evidence: "Báo cáo số 112/BC-SKHCN",
        },
        Spec {
            task: 4,
            activity: "Treo băng rôn, khẩu hiệu tuyên truyền CCHC tại trụ sở Sở",
            quantity: Some(9),
            measure: "",
            time: "Tháng 5/2024",
            status: Done,
            areas: &[],
            evidence: "",
        },
    ];
    let qltc = vec![
        Spec { task: 5, activity: "Tổ chức lớp đào tạo duy trì, cải tiến, đánh giá nội bộ HTQLCL theo TCVN ISO 9001:2015", quantity: Some(2), measure: "lớp", time: "Quý II/2024", status: Done, areas: &[2], evidence: "Quyết định số 88/QĐ-SKHCN" },
        Spec { task: 5, activity: "Học viên của các cơ quan hành chính nhà nước tham dự đào tạo", quantity: Some(1250), measure: "học viên", time: "Quý II/2024", status: Done, areas: &[2], evidence: "Danh sách học viên" },
    ];
    let cctc = vec![Spec {
        task: 6,
        activity: "Kiểm tra việc áp dụng, duy trì HTQLCL tại các cơ quan hành chính nhà nước",
        quantity: Some(8),
        measure: "cơ quan",
        time: "Quý IV/2024",
        status: InProgress,
        areas: &[2, 6],
        evidence: "Quyết định số 201/QĐ-CCTĐC",
    }];
    let ttra = vec![Spec {
        task: 1,
        activity: "Cung cấp tin về kết quả thanh tra, kiểm tra công vụ",
        quantity: Some(3),
        measure: "tin/bài",
        time: "Quý III/2024",
        status: Done,
        areas: &[6],
        evidence: WEB,
    }];
    vec![
        file(
            plan,
            "TTUD",
            "2024-11-12",
            ttud,
            &["Nhân lực thực hiện tin, bài còn kiêm nhiệm, chưa có cán bộ chuyên trách"],
            &["Đề nghị bố trí kinh phí nâng cấp Trang Thông tin điện tử của Sở"],
        ),
        file(plan, "HCTH", "2024-11-14", hcth, &[], &[]),
        file(plan, "QLTC", "2024-11-15", qltc, &[], &[]),
        file(
            plan,
            "CCTC",
            "2024-11-20",
            cctc,
            &["Một số cơ quan chưa bố trí được thời gian kiểm tra theo kế hoạch"],
            &[],
        ),
        file(plan, "TTRA", "2024-11-08", ttra, &[], &[]),
    ]
}
