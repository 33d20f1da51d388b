//! Drops custom sections from a wasm binary without parsing the rest: the splitter's chunks keep
//! the linker's `name` section, which wasm-opt would only warn about ("unknown name subsection")
//! and then drop anyway.

/// `module` without its custom sections called `name`; an unreadable module comes back as is
/// (wasm-opt then reports what is wrong with it).
pub fn without_custom(module: &[u8], name: &str) -> Vec<u8> {
    sections(module)
        .map(|sections| {
            let mut out = module[..8].to_vec();
            for (id, whole, contents) in sections {
                let named = id == 0 && custom_name(contents) == Some(name.as_bytes());
                if !named {
                    out.extend_from_slice(whole);
                }
            }
            out
        })
        .unwrap_or_else(|| module.to_vec())
}

/// A section: its id, its bytes with the header, its contents.
type Section<'a> = (u8, &'a [u8], &'a [u8]);

/// Each section of `module`, or `None` if it is not a well-formed sequence of sections after the
/// 8-byte preamble.
fn sections(module: &[u8]) -> Option<Vec<Section<'_>>> {
    if module.get(..4)? != b"\0asm" || module.len() < 8 {
        return None;
    }
    let mut at = 8;
    let mut out = Vec::new();
    while at < module.len() {
        let id = module[at];
        let (size, len) = leb_u32(module.get(at + 1..)?)?;
        let start = at + 1 + len;
        let end = start.checked_add(size as usize)?;
        out.push((id, module.get(at..end)?, module.get(start..end)?));
        at = end;
    }
    Some(out)
}

/// A custom section's name (the length-prefixed string its contents start with).
fn custom_name(contents: &[u8]) -> Option<&[u8]> {
    let (len, used) = leb_u32(contents)?;
    contents.get(used..used.checked_add(len as usize)?)
}

/// An unsigned LEB128 `u32` at the start of `bytes`, with how many bytes it took.
fn leb_u32(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for (i, byte) in bytes.iter().take(5).enumerate() {
        value |= u32::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(name: &str, payload: &[u8]) -> Vec<u8> {
        let mut contents = vec![name.len() as u8];
        contents.extend_from_slice(name.as_bytes());
        contents.extend_from_slice(payload);
        let mut section = vec![0, contents.len() as u8];
        section.extend(contents);
        section
    }

    #[test]
    fn only_the_named_custom_section_goes() {
        let preamble = b"\0asm\x01\0\0\0".to_vec();
        let types = vec![1, 4, 1, 0x60, 0, 0]; // one type: [] -> []
        let module = [
            preamble.clone(),
            types.clone(),
            custom("name", &[1, 2, 3]),
            custom("producers", &[9]),
        ]
        .concat();
        let stripped = without_custom(&module, "name");
        assert_eq!(
            stripped,
            [preamble, types, custom("producers", &[9])].concat()
        );
        assert_eq!(without_custom(&stripped, "name"), stripped);
    }

    #[test]
    fn a_broken_module_is_left_alone() {
        for broken in [&b"not wasm"[..], b"\0asm\x01\0\0\0\x01\x09\x00"] {
            assert_eq!(without_custom(broken, "name"), broken);
        }
    }

    #[test]
    fn leb128_reads_multi_byte_sizes() {
        assert_eq!(leb_u32(&[0xe5, 0x8e, 0x26]), Some((624_485, 3)));
        assert_eq!(leb_u32(&[0x80, 0x80]), None);
    }
}
