//! Which files a run converts, and where each one's output goes.
//!
//! Inputs are files, folders (converted recursively, in name order, skipping names that
//! start with a dot and symbolic links to folders) and `-` for standard input. Outputs go
//! to standard output, to one file (`-o`), into a folder that mirrors the inputs' tree
//! (`--output-dir`), or over the inputs themselves (`--in-place`).

use std::fs;
use std::path::{Path, PathBuf};

/// Where a job reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name errors give.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "standard input".into(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// Where a run writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File(PathBuf),
    Dir(PathBuf),
    InPlace,
}

/// One input and where its output goes (`None`: standard output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub source: Source,
    pub destination: Option<PathBuf>,
}

/// The jobs for `inputs` (none: standard input) and `target`, and an error for each input
/// that cannot be read as a file or folder. A target that does not fit the inputs (one
/// output file for several inputs, standard input in place) is an error of the whole run.
pub fn jobs(inputs: &[PathBuf], target: &Target) -> Result<(Vec<Job>, Vec<String>), String> {
    let mut sources: Vec<(Source, PathBuf)> = Vec::new();
    let mut errors = Vec::new();
    if inputs.is_empty() {
        sources.push((Source::Stdin, PathBuf::new()));
    }
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push((Source::Stdin, PathBuf::new()));
            continue;
        }
        match fs::metadata(input) {
            Ok(metadata) if metadata.is_dir() => {
                let before = sources.len();
                walk(input, Path::new(""), &mut sources, &mut errors);
                if sources.len() == before {
                    errors.push(format!("{}: no files in this folder", input.display()));
                }
            }
            Ok(_) => {
                let name = input.file_name().map(PathBuf::from).unwrap_or_default();
                sources.push((Source::File(input.clone()), name));
            }
            Err(error) => errors.push(format!("{}: {error}", input.display())),
        }
    }

    let mut jobs = Vec::with_capacity(sources.len());
    for (source, relative) in sources {
        let destination = match target {
            Target::Stdout => None,
            Target::File(path) => Some(path.clone()),
            Target::Dir(dir) => match source {
                Source::Stdin => {
                    return Err("--output-dir needs input files, not standard input".into());
                }
                Source::File(_) => Some(dir.join(relative)),
            },
            Target::InPlace => match &source {
                Source::Stdin => {
                    return Err("--in-place needs input files, not standard input".into());
                }
                // Through a symbolic link to its file: the link stays a link.
                Source::File(path) => {
                    Some(fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?)
                }
            },
        };
        jobs.push(Job {
            source,
            destination,
        });
    }
    if matches!(target, Target::File(_)) && jobs.len() + errors.len() > 1 {
        return Err("-o takes one input; use --output-dir or --in-place for several".into());
    }
    Ok((jobs, errors))
}

/// Adds the files under `dir` (at `relative` below the input folder), in name order.
fn walk(
    dir: &Path,
    relative: &Path,
    sources: &mut Vec<(Source, PathBuf)>,
    errors: &mut Vec<String>,
) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(format!("{}: {error}", dir.display()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = relative.join(&name);
        // A link to a folder could make a cycle: only real folders are walked.
        let is_real_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        if is_real_dir {
            walk(&path, &relative, sources, errors);
        } else if fs::metadata(&path).is_ok_and(|metadata| metadata.is_file()) {
            sources.push((Source::File(path), relative));
        }
    }
}
