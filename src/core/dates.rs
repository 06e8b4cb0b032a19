//! Dates as the app writes and reads them: `YYYY-MM-DD`, in UTC from milliseconds since the epoch;
//! and, through [`in_words`], as a reader of the page's language reads them. (Local times are taken from
//! the browser, in `browser::system`.)

use crate::core::content::{t, t_with};

/// The UTC date of a time in milliseconds, `YYYY-MM-DD` (days to civil date, after H. Hinnant).
pub fn date_of(ms: i64) -> String {
    let z = ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The UTC date and time of a time in milliseconds, `YYYY-MM-DD HH:MM UTC`: for things that happen
/// several times a day (comments), told apart by their time.
pub fn date_time_of(ms: i64) -> String {
    let minutes = ms.div_euclid(60_000).rem_euclid(24 * 60);
    format!("{} {:02}:{:02} UTC", date_of(ms), minutes / 60, minutes % 60)
}

/// A date, or a date and a time, as the page's language writes it: "2026-12-01" reads "1 December
/// 2026", "1er décembre 2026", "1 de diciembre de 2026" or "1 كانون الأول/ديسمبر 2026", and a time after the date
/// ("2026-12-01 14:05", with " UTC" or without) follows it as it is. For what people read: answer files,
/// spreadsheets, CSV and date fields keep `YYYY-MM-DD`. Anything that is not such a date (one typed
/// wrongly in an older file) is shown as it is, so nothing recorded is hidden.
pub fn in_words(s: &str) -> String {
    let (Some(date), Some(time)) = (s.get(..10), s.get(10..)) else { return s.to_string() };
    if !is_date(date) || !(time.is_empty() || time.starts_with(' ')) {
        return s.to_string();
    }
    let b = date.as_bytes();
    // The names are one string, "January|February|…": one key, not twelve, in the first load.
    let month = t("dates.months").split('|').nth(usize::from((b[5] - b'0') * 10 + b[6] - b'0') - 1);
    let day = match &date[8..10] {
        "01" => t("dates.first_day"),
        d => d.trim_start_matches('0'),
    };
    let day =
        t_with("dates.date", &[("day", day), ("month", month.unwrap_or_default()), ("year", &date[..4])]);
    match time.trim() {
        "" => day,
        time => t_with("dates.date_time", &[("date", &day), ("time", time)]),
    }
}

/// [`in_words`] for the UTC day of a time in milliseconds.
pub fn day_in_words(ms: i64) -> String {
    in_words(&date_of(ms))
}

/// [`in_words`] for the UTC date and time of a time in milliseconds.
pub fn time_in_words(ms: i64) -> String {
    in_words(&date_time_of(ms))
}

/// Days from 1970-01-01 to a `YYYY-MM-DD` date (`None` if that day does not exist): the inverse of
/// [`date_of`]
/// (civil date to days, after H. Hinnant).
pub fn days_since_epoch(date: &str) -> Option<i64> {
    if !is_date(date) {
        return None;
    }
    let (y, m, d): (i64, i64, i64) =
        (date[..4].parse().ok()?, date[5..7].parse().ok()?, date[8..10].parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if d > month_days {
        return None; // 31 February is no day
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `YYYY-MM-DD` with a plausible month and day. (Records and files are read with this, as they always
/// were; [`days_since_epoch`] also asks that the day exists.)
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let two = |at: usize| (b[at] - b'0') * 10 + b[at + 1] - b'0';
    (1..=12).contains(&two(5)) && (1..=31).contains(&two(8))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(951_782_400_000), "2000-02-29");
        assert_eq!(date_of(1_795_000_000_000), "2026-11-18");
    }

    #[test]
    fn a_date_and_its_day_count_are_one_another() {
        for day in [-25_567i64, -1, 0, 1, 11_016, 20_775, 2_932_896] {
            assert_eq!(days_since_epoch(&date_of(day * 86_400_000)), Some(day));
        }
        assert_eq!(days_since_epoch("2026-13-01"), None);
        assert_eq!(days_since_epoch("2027-02-29"), None, "not a leap year");
        assert_eq!(days_since_epoch("2028-02-29"), Some(21_243));
        assert_eq!(days_since_epoch("2100-02-29"), None, "a century is leap only every 400 years");
        assert_eq!(days_since_epoch("next week"), None);
    }

    #[test]
    fn a_date_is_shown_in_words_with_its_time_as_it_is() {
        assert_eq!(in_words("2026-12-07"), "7 December 2026");
        assert_eq!(in_words("2027-01-01 09:30"), "1 January 2027, 09:30");
        assert_eq!(in_words(&date_time_of(1_795_000_000_000)), "18 November 2026, 11:06 UTC");
    }

    #[test]
    fn what_is_not_a_date_is_shown_as_it_is() {
        for kept in ["", "next week", "2027-13-01", "2027-01-31x", "31/01/2027", "٢٠٢٧-01-31"] {
            assert_eq!(in_words(kept), kept);
        }
    }

    #[test]
    fn only_plausible_iso_dates_are_dates() {
        assert!(is_date("2027-01-31"));
        for bad in ["31/01/2027", "2027-13-01", "2027-01-32", "2027-1-31", "", "２０２７-01-31"] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
