//! The zip container of a package, written in one pass. A part is stored as it is, or deflated when
//! the caller deflated it (the browser's own `CompressionStream`, see `browser::office`: no deflate
//! code in the app) and that is smaller. Dates are fixed (1980-01-01) so the same content gives the
//! same bytes, and names are marked UTF-8. No zip64: a package here is far below 4 GiB.

use super::PackagePart;

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}

static CRC_TABLE: [u32; 256] = crc_table();

/// The CRC-32 zip asks of every entry.
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Narrows a size or count; a package here never comes near the zip limits (one file of 4 GiB, 65,535
/// entries), so a larger value is clamped rather than wrapped.
fn n32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn n16(v: usize) -> u16 {
    u16::try_from(v).unwrap_or(u16::MAX)
}

/// The parts as one zip file, in the order given (the content types first, as Office writes them).
pub fn write(parts: &[PackagePart]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for part in parts {
        let crc = crc32(&part.bytes);
        let (method, data): (u16, &[u8]) = match &part.deflated {
            Some(packed) if packed.len() < part.bytes.len() => (8, packed),
            _ => (0, &part.bytes),
        };
        let offset = n32(out.len());
        let name = part.path.as_bytes();
        // Local header: signature, version 2.0, UTF-8 names, method, time 00:00, date 1980-01-01.
        u32le(&mut out, 0x0403_4B50);
        for v in [20, 0x0800, method, 0, 0x0021] {
            u16le(&mut out, v);
        }
        for v in [crc, n32(data.len()), n32(part.bytes.len())] {
            u32le(&mut out, v);
        }
        u16le(&mut out, n16(name.len()));
        u16le(&mut out, 0);
        out.extend_from_slice(name);
        out.extend_from_slice(data);
        // Its central directory entry.
        u32le(&mut central, 0x0201_4B50);
        for v in [20, 20, 0x0800, method, 0, 0x0021] {
            u16le(&mut central, v);
        }
        for v in [crc, n32(data.len()), n32(part.bytes.len())] {
            u32le(&mut central, v);
        }
        for v in [n16(name.len()), 0, 0, 0, 0] {
            u16le(&mut central, v);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let at = n32(out.len());
    let size = n32(central.len());
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4B50);
    for v in [0, 0, n16(parts.len()), n16(parts.len())] {
        u16le(&mut out, v);
    }
    u32le(&mut out, size);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}

/// For tests: every part of a zip read back by an independent reader (the `zip` crate), by path.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn read_back(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("an entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("its bytes");
            (file.name().to_string(), data)
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn crc_of_the_standard_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}
