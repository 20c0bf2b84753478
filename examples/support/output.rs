//! Where the examples write: standard output, or a file that is replaced only once its new
//! content is complete.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Calls `write` with standard output, or, for a `path`, with a temporary file beside it
/// that is flushed, synced and renamed over `path` only when `write` succeeds. An existing
/// file is never left half-written, even when it is also the input (read whole by then),
/// and it keeps its permissions. A path that exists and is no regular file (`/dev/null`, a
/// pipe) is written directly: a rename would replace it.
pub fn write_to(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), String>,
) -> Result<(), String> {
    let Some(path) = path else {
        let mut stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
        write(&mut stdout)?;
        return stdout.flush().map_err(|e| format!("standard output: {e}"));
    };
    if fs::metadata(path).is_ok_and(|existing| !existing.is_file()) {
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let mut writer = BufWriter::with_capacity(1 << 16, file);
        write(&mut writer)?;
        return writer
            .flush()
            .map_err(|e| format!("{}: {e}", path.display()));
    }
    let temporary = temporary_path(path);
    let temporary_name = temporary.display().to_string();
    let result = File::create(&temporary)
        .map_err(|e| format!("{temporary_name}: {e}"))
        .and_then(|file| {
            let mut writer = BufWriter::with_capacity(1 << 16, file);
            write(&mut writer)?;
            let file = writer
                .into_inner()
                .map_err(|e| format!("{temporary_name}: {}", e.error()))?;
            if let Ok(existing) = fs::metadata(path) {
                file.set_permissions(existing.permissions())
                    .map_err(|e| format!("{temporary_name}: {e}"))?;
            }
            file.sync_all()
                .map_err(|e| format!("{temporary_name}: {e}"))
        })
        .and_then(|()| {
            fs::rename(&temporary, path).map_err(|e| format!("{}: {e}", path.display()))
        });
    if result.is_err() {
        // Best effort: the temporary file holds nothing worth keeping.
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// A file beside `path`, on the same file system, so that renaming it over `path` is atomic.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("output".into(), |name| name.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}
