//! Legacy Vietnamese encodings (TCVN3, VNI-Windows): table round trips, real phrases,
//! font hints and detection negatives, through the public API.

use baocao::read::legacy::{encode, font_encoding, repair, Encoding, FontEncoding};
use unicode_normalization::UnicodeNormalization;

const VOWELS: &str = "aăâeêioôơuưy";
const TONES: [&str; 5] = ["\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"];

/// The 134 letters: 12 vowels × 5 tones, the 6 marked vowels without tone and đ — lower
/// and upper case.
fn all_letters() -> Vec<char> {
    let mut lower = Vec::new();
    for v in VOWELS.chars() {
        if !"aeiouy".contains(v) {
            lower.push(v);
        }
        for t in TONES {
            let s: String = format!("{v}{t}").nfc().collect();
            assert_eq!(s.chars().count(), 1, "{s}");
            lower.push(s.chars().next().unwrap());
        }
    }
    lower.push('đ');
    assert_eq!(lower.len(), 67);
    let upper: Vec<char> = lower
        .iter()
        .map(|c| c.to_uppercase().next().unwrap())
        .collect();
    let all: Vec<char> = lower.into_iter().chain(upper).collect();
    assert_eq!(all.len(), 134);
    all
}

/// TCVN3 codes a capital only where it has no tone.
fn tcvn3_has_capital(c: char) -> bool {
    "ĂÂÊÔƠƯĐ".contains(c)
}

#[test]
fn every_letter_round_trips_in_tcvn3() {
    for c in all_letters() {
        let s = c.to_string();
        let legacy = encode(&s, Encoding::Tcvn3);
        assert_eq!(legacy.chars().count(), 1, "{c}: {legacy:?}");
        assert!(legacy.chars().all(|l| l >= '\u{A1}'), "{c}: {legacy:?}");
        let font = if c.is_lowercase() || tcvn3_has_capital(c) {
            ".VnTime"
        } else {
            ".VnTimeH"
        };
        assert_eq!(
            repair(&legacy, Some(font)),
            Some((s.clone(), Encoding::Tcvn3)),
            "{c} via {legacy:?} in {font}"
        );
        // Inside a word of a capitalised text, capitals come back without a hint too.
        let word = if c.is_lowercase() {
            format!("th{c}")
        } else {
            format!("TH{c}")
        };
        let (fixed, _) = repair(&encode(&word, Encoding::Tcvn3), Some(".VnArial"))
            .unwrap_or_else(|| panic!("{word}"));
        assert_eq!(fixed, word);
    }
}

#[test]
fn every_letter_round_trips_in_vni() {
    for c in all_letters() {
        let s = c.to_string();
        let legacy = encode(&s, Encoding::Vni);
        assert!((1..=2).contains(&legacy.chars().count()), "{c}: {legacy:?}");
        if !"ìíÌÍ".contains(c) {
            assert_ne!(legacy, s, "{c} must be encoded");
        }
        for font in ["VNI-Times", "VNI-Helve"] {
            let repaired = repair(&legacy, Some(font));
            if "ìíÌÍ".contains(c) {
                // VNI writes these four as themselves.
                assert!(repaired.is_none() || repaired == Some((s.clone(), Encoding::Vni)));
            } else {
                assert_eq!(
                    repaired,
                    Some((s.clone(), Encoding::Vni)),
                    "{c} via {legacy:?}"
                );
            }
        }
    }
}

#[test]
fn vni_round_trips_every_letter_without_hint_inside_words() {
    // Each letter inside a syllable, after a phrase only VNI reads as Vietnamese
    // (a lone short word can be read both ways, see `short_words_can_be_ambiguous`).
    for c in all_letters() {
        let base: String = c.to_string().nfd().take(1).collect::<String>();
        let word = match base.to_lowercase().as_str() {
            "a" | "o" | "u" | "e" => format!("b{c}n"),
            "i" | "y" => format!("k{c}"),
            "đ" => format!("{c}i"),
            other => panic!("{other}"),
        };
        let text = if c.is_uppercase() {
            format!("XIN CHÀO {}", word.to_uppercase())
        } else {
            format!("Xin chào {word}")
        };
        let legacy = encode(&text, Encoding::Vni);
        assert_eq!(
            repair(&legacy, None),
            Some((text.clone(), Encoding::Vni)),
            "{legacy:?}"
        );
    }
}

#[test]
fn short_words_can_be_ambiguous() {
    // `thuû` is TCVN3 `thuỷ` and VNI `thủ`: a lone word is read as TCVN3, a font
    // hint or more text decides otherwise.
    assert_eq!(repair("thuû", None), Some(("thuỷ".into(), Encoding::Tcvn3)));
    assert_eq!(
        repair("thuû", Some("VNI-Times")),
        Some(("thủ".into(), Encoding::Vni))
    );
    assert_eq!(
        repair("Xin chaøo thuû", None),
        Some(("Xin chào thủ".into(), Encoding::Vni))
    );
}

const PHRASES: [&str; 8] = [
    "Trung tâm ứng dụng",
    "Phòng Hành chính - Tổng hợp",
    "Hoàn thành",
    "Đang thực hiện",
    "Quý II/2024",
    "Số lượng",
    "Đơn vị tính",
    "Xin chào các bạn",
];

#[test]
fn known_legacy_strings() {
    assert_eq!(
        repair("Trung t©m øng dông", None),
        Some(("Trung tâm ứng dụng".into(), Encoding::Tcvn3))
    );
    assert_eq!(
        repair("Xin chaøo caùc baïn", None),
        Some(("Xin chào các bạn".into(), Encoding::Vni))
    );
    assert_eq!(
        encode("Trung tâm ứng dụng", Encoding::Tcvn3),
        "Trung t©m øng dông"
    );
    assert_eq!(
        encode("Xin chào các bạn", Encoding::Vni),
        "Xin chaøo caùc baïn"
    );
    assert_eq!(
        encode("Phòng Hành chính - Tổng hợp", Encoding::Tcvn3),
        "Phßng Hµnh chÝnh - Tæng hîp"
    );
    assert_eq!(encode("Số lượng", Encoding::Tcvn3), "Sè l\u{AD}îng");
    assert_eq!(encode("Đơn vị tính", Encoding::Tcvn3), "§¬n vÞ tÝnh");
    assert_eq!(encode("Trường", Encoding::Vni), "Tröôøng");
}

#[test]
fn phrases_round_trip_with_and_without_hint() {
    for (enc, fonts) in [
        (Encoding::Tcvn3, [".VnTime", ".VnArial"]),
        (Encoding::Vni, ["VNI-Times", "VNI-Helve"]),
    ] {
        for p in PHRASES {
            let legacy = encode(p, enc);
            if legacy == p {
                // TCVN3 `Quý II/2024`: `ý` is 0xFD, the text reads the same.
                assert_eq!(repair(&legacy, None), None, "{p}");
                continue;
            }
            for font in fonts {
                assert_eq!(
                    repair(&legacy, Some(font)),
                    Some((p.to_string(), enc)),
                    "{p} in {font}"
                );
            }
            assert_eq!(
                repair(&legacy, None),
                Some((p.to_string(), enc)),
                "{p} without hint ({legacy:?})"
            );
        }
    }
}

#[test]
fn tcvn3_quy_reads_the_same() {
    // `ý` is 0xFD in TCVN3: the legacy text equals the Unicode text.
    assert_eq!(encode("Quý II/2024", Encoding::Tcvn3), "Quý II/2024");
    assert_eq!(repair("Quý II/2024", None), None);
    assert_eq!(
        repair("Quý II/2024", Some(".VnTime")),
        Some(("Quý II/2024".into(), Encoding::Tcvn3))
    );
}

#[test]
fn upper_case_fonts() {
    let caps = "TRUNG TÂM ỨNG DỤNG";
    let legacy = encode(caps, Encoding::Tcvn3);
    assert_eq!(legacy, "TRUNG T¢M øNG DôNG");
    assert_eq!(
        repair(&legacy, Some(".VnTimeH")),
        Some((caps.into(), Encoding::Tcvn3))
    );
    // Typed in lower case for an H font: the font draws capitals.
    assert_eq!(
        repair("trung t©m øng dông", Some(".VnArialH")),
        Some((caps.into(), Encoding::Tcvn3))
    );
    assert_eq!(
        repair("phßng hµnh chÝnh", Some(".VnTimeH")),
        Some(("PHÒNG HÀNH CHÍNH".into(), Encoding::Tcvn3))
    );
    // Without the hint, the all-capitals text still gets capitals.
    assert_eq!(repair(&legacy, None), Some((caps.into(), Encoding::Tcvn3)));
    // VNI has capitals of its own.
    let vni = encode(caps, Encoding::Vni);
    assert_eq!(repair(&vni, None), Some((caps.into(), Encoding::Vni)));
    assert_eq!(
        repair(&vni, Some("VNI-Times")),
        Some((caps.into(), Encoding::Vni))
    );
}

#[test]
fn font_names() {
    let f = |name| font_encoding(name);
    let tcvn3 = |upper_case| {
        Some(FontEncoding {
            encoding: Encoding::Tcvn3,
            upper_case,
        })
    };
    assert_eq!(f(".VnTime"), tcvn3(false));
    assert_eq!(f(".VNTIME"), tcvn3(false));
    assert_eq!(f(".VnArial"), tcvn3(false));
    assert_eq!(f(".VnTimeH"), tcvn3(true));
    assert_eq!(f(".VnArialH"), tcvn3(true));
    assert_eq!(f(" .vntimeh "), tcvn3(true));
    assert_eq!(
        f("VNI-Times"),
        Some(FontEncoding {
            encoding: Encoding::Vni,
            upper_case: false
        })
    );
    assert_eq!(f("VNI-HELVE").map(|e| e.encoding), Some(Encoding::Vni));
    for other in ["Times New Roman", "Arial", "Calibri", "VnTime", "", "VNI"] {
        assert_eq!(f(other), None, "{other}");
    }
}

#[test]
fn negatives_without_hint() {
    for s in [
        "",
        "   ",
        "Trung tâm ứng dụng",
        "Phòng Hành chính - Tổng hợp",
        "Đang thực hiện",
        "Tôi và các bạn",
        "Tôi và các",
        "Hôm nay",
        "Có",
        "Tôi là sinh viên",
        "Tôi thích café",
        "The quick brown fox jumps over the lazy dog.",
        "Communication report for Q2",
        "https://skhcn.quangngai.gov.vn/©2024",
        "© Sở KH&CN",
        "©",
        "®",
        "½",
        "1½ kg",
        "½ and ¼",
        "Copyright © 2024 Acme Inc.",
        "12,5",
        "1.234.567",
        "2024-06-30",
        "100%",
        "Café crème",
        "Café",
        "café au lait",
        "Straße",
        "Grüße aus München",
        "Müller & Söhne",
        "schön",
        "naïve résumé",
        "déjà vu",
        "Señor Muñoz",
        "piñata",
        "São Paulo",
        "façade",
        "Zürich",
        "Øresund",
        "Bjørn Søndergaard",
        "Ça va? Où est la gare?",
        "Noël",
        "Crème brûlée",
        "L'Hôpital",
        "Fußball",
        "Ärger über Öl",
        "±5 °C",
        "µm",
        "§ 3",
        "«quoted»",
        "a × b ÷ c",
    ] {
        assert_eq!(repair(s, None), None, "{s:?}");
    }
}

#[test]
fn unicode_vietnamese_is_never_converted_even_with_a_legacy_font() {
    for s in ["Trung tâm ứng dụng", "Đơn vị tính", "Số lượng"] {
        assert_eq!(repair(s, Some(".VnTime")), None, "{s}");
        assert_eq!(repair(s, Some("VNI-Times")), None, "{s}");
        assert_eq!(repair(s, Some(".VnTimeH")), None, "{s}");
    }
    // Decomposed (NFD) Vietnamese is Unicode too.
    let nfd: String = "Trung tâm ứng dụng".nfd().collect();
    assert_eq!(repair(&nfd, None), None);
    assert_eq!(repair(&nfd, Some(".VnTime")), None);
}

#[test]
fn ascii_in_a_legacy_font_is_left_alone() {
    assert_eq!(repair("Trung tam", Some(".VnTime")), None);
    assert_eq!(repair("2024", Some("VNI-Times")), None);
    assert_eq!(repair("TRUNG TAM", Some(".VnTimeH")), None);
    assert_eq!(
        repair("trung tam", Some(".VnTimeH")),
        Some(("TRUNG TAM".into(), Encoding::Tcvn3))
    );
}

#[test]
fn longer_legacy_texts() {
    for (enc, text) in [
        (
            Encoding::Tcvn3,
            "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2024",
        ),
        (
            Encoding::Vni,
            "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2024",
        ),
        (Encoding::Tcvn3, "Báo cáo kết quả công tác truyền thông CCHC quý II/2024 (UBND tỉnh)"),
        (Encoding::Vni, "Báo cáo kết quả công tác truyền thông CCHC quý II/2024 (UBND tỉnh)"),
        (Encoding::Tcvn3, "Người thực hiện: Nguyễn Văn Đức; số điện thoại 0255.3822"),
        (Encoding::Vni, "Người thực hiện: Nguyễn Văn Đức; số điện thoại 0255.3822"),
        (Encoding::Tcvn3, "Tổng"),
        (Encoding::Vni, "Tổng"),
        (Encoding::Tcvn3, "ở Quảng Ngãi"),
    ] {
        let legacy = encode(text, enc);
        assert_eq!(
            repair(&legacy, None),
            Some((text.to_string(), enc)),
            "{legacy:?}"
        );
    }
}

#[test]
fn common_spreadsheet_cells_without_hint() {
    for (legacy, unicode, enc) in [
        ("Sè", "Số", Encoding::Tcvn3),
        ("Cã", "Có", Encoding::Tcvn3),
        ("Kh«ng", "Không", Encoding::Tcvn3),
        ("§¹t", "Đạt", Encoding::Tcvn3),
        ("Tæng sè", "Tổng số", Encoding::Tcvn3),
        ("§¹I HäC", "ĐẠI HỌC", Encoding::Tcvn3),
        ("Së KH&CN", "Sở KH&CN", Encoding::Tcvn3),
        ("Sè TT", "Số TT", Encoding::Tcvn3),
        ("ë Qu¶ng Ng·i", "ở Quảng Ngãi", Encoding::Tcvn3),
        (
            "UBND tØnh Qu¶ng Ng·i",
            "UBND tỉnh Quảng Ngãi",
            Encoding::Tcvn3,
        ),
        ("Tû lÖ (%)", "Tỷ lệ (%)", Encoding::Tcvn3),
        ("Khoâng", "Không", Encoding::Vni),
        ("Coù", "Có", Encoding::Vni),
        ("Ñaït", "Đạt", Encoding::Vni),
        ("Chöa thöïc hieän", "Chưa thực hiện", Encoding::Vni),
        ("Sôû KH&CN", "Sở KH&CN", Encoding::Vni),
        ("Ghi chuù", "Ghi chú", Encoding::Vni),
    ] {
        assert_eq!(
            repair(legacy, None),
            Some((unicode.to_string(), enc)),
            "{legacy}"
        );
    }
}

#[test]
fn unicode_vietnamese_with_latin1_letters_only_is_kept() {
    for s in [
        "Tôi",
        "Có",
        "Tên",
        "Hà",
        "Lê",
        "Võ",
        "Tô",
        "Tú",
        "Bé",
        "Phó",
        "Mã số",
        "Báo cáo",
        "Lê Văn Tám",
        "Hồ Chí Minh",
        "Hà Nội",
        "Cà Mau",
        "Ba Tô",
        "Tô Hoài",
        "Côte d'Ivoire",
        "Hôtel",
        "Château",
        "Smörgåsbord",
        "Ångström",
    ] {
        assert_eq!(repair(s, None), None, "{s}");
    }
}
