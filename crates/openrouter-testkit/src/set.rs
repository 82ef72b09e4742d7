//! A named collection of fixtures: loaded from a directory or embedded in the crate.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use bytes::Bytes;

use crate::{Error, Fixture};

mod bundled {
    //! The workspace's `fixtures/` folder, embedded by `build.rs`.
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Fixtures by name, sorted. Cheap to clone: the fixtures are shared.
///
/// ```
/// use openrouter_testkit::FixtureSet;
///
/// let set = FixtureSet::bundled();
/// assert!(set.len() > 40);
/// assert!(set.folder("chat").iter().all(|f| f.name().starts_with("chat/")));
/// ```
#[derive(Debug, Clone)]
pub struct FixtureSet {
    fixtures: Arc<[Fixture]>,
}

impl FixtureSet {
    /// The fixtures in this repository's `fixtures/` folder, compiled into the crate, so they are
    /// available from any working directory and on machines without the source tree.
    ///
    /// # Panics
    ///
    /// Only if the embedded files are invalid, which this crate's tests rule out before a
    /// release; parsing happens once per process.
    pub fn bundled() -> FixtureSet {
        static BUNDLED: OnceLock<FixtureSet> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                let files = bundled::FILES
                    .iter()
                    .map(|(path, bytes)| ((*path).to_owned(), Bytes::from_static(bytes)))
                    .collect();
                FixtureSet::from_files(&files).unwrap_or_else(|e| {
                    panic!("the fixtures embedded in openrouter-testkit are invalid: {e}")
                })
            })
            .clone()
    }

    /// Loads every exchange below `dir` (one level of folders, as in `fixtures/`), skipping a
    /// top-level `sse/` folder (SSE parser cases use another format) and non-fixture files such
    /// as `README.md`.
    ///
    /// Fails on an invalid fixture, and on a `.sse` file that no exchange points at, so a
    /// forgotten stream cannot go untested.
    ///
    /// ```
    /// # fn main() -> Result<(), openrouter_testkit::Error> {
    /// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    /// let set = openrouter_testkit::FixtureSet::load_dir(dir)?;
    /// assert_eq!(set.len(), openrouter_testkit::FixtureSet::bundled().len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<FixtureSet, Error> {
        let dir = dir.as_ref();
        let mut files = BTreeMap::new();
        read_tree(dir, dir, &mut files)?;
        FixtureSet::from_files(&files)
    }

    /// Builds a set from `relative path → bytes` (`chat/demo.json`, `chat/demo_stream.sse`).
    fn from_files(files: &BTreeMap<String, Bytes>) -> Result<FixtureSet, Error> {
        let mut fixtures = Vec::new();
        let mut referenced = Vec::new();
        for (path, bytes) in files {
            let Some(name) = path.strip_suffix(".json") else {
                continue;
            };
            let text = std::str::from_utf8(bytes).map_err(|_| Error::Invalid {
                name: name.to_owned(),
                reason: "the file is not UTF-8".to_owned(),
            })?;
            let folder = name.rsplit_once('/').map_or("", |(folder, _)| folder);
            let fixture = Fixture::parse(name, text, |file| {
                let sibling = if folder.is_empty() {
                    file.to_owned()
                } else {
                    format!("{folder}/{file}")
                };
                let bytes = files.get(&sibling).cloned().ok_or_else(|| {
                    format!("body_file `{file}` does not exist beside the exchange")
                })?;
                referenced.push(sibling);
                Ok(bytes)
            })?;
            fixtures.push(fixture);
        }
        if let Some(orphan) = files
            .keys()
            .filter(|path| path.ends_with(".sse"))
            .find(|path| !referenced.contains(path))
        {
            return Err(Error::Invalid {
                name: orphan.clone(),
                reason: "no exchange names this file in `body_file`; reference it or delete it"
                    .to_owned(),
            });
        }
        FixtureSet::new(fixtures)
    }

    /// A set of the given fixtures. Names must be unique.
    pub fn new(fixtures: impl IntoIterator<Item = Fixture>) -> Result<FixtureSet, Error> {
        let mut fixtures: Vec<Fixture> = fixtures.into_iter().collect();
        fixtures.sort_by(|a, b| a.name().cmp(b.name()));
        if let Some(pair) = fixtures.windows(2).find(|w| w[0].name() == w[1].name()) {
            return Err(Error::Invalid {
                name: pair[0].name().to_owned(),
                reason: "two fixtures have this name".to_owned(),
            });
        }
        Ok(FixtureSet {
            fixtures: fixtures.into(),
        })
    }

    /// The fixture called `name` (`folder/stem`).
    pub fn get(&self, name: &str) -> Option<&Fixture> {
        self.fixtures
            .binary_search_by(|f| f.name().cmp(name))
            .ok()
            .map(|i| &self.fixtures[i])
    }

    /// All fixtures, sorted by name.
    pub fn iter(&self) -> std::slice::Iter<'_, Fixture> {
        self.fixtures.iter()
    }

    /// How many fixtures the set holds.
    pub fn len(&self) -> usize {
        self.fixtures.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.fixtures.is_empty()
    }

    /// The fixtures of one folder (`"chat"`), as a set of their own.
    pub fn folder(&self, folder: &str) -> FixtureSet {
        FixtureSet {
            fixtures: self
                .iter()
                .filter(|f| f.folder() == folder)
                .cloned()
                .collect(),
        }
    }
}

impl<'a> IntoIterator for &'a FixtureSet {
    type Item = &'a Fixture;
    type IntoIter = std::slice::Iter<'a, Fixture>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

fn read_tree(root: &Path, dir: &Path, files: &mut BTreeMap<String, Bytes>) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io { path, source }
    };
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            if relative != "sse" {
                read_tree(root, &path, files)?;
            }
        } else if is_fixture_file(&relative) {
            let bytes = std::fs::read(&path).map_err(io(&path))?;
            files.insert(relative, Bytes::from(bytes));
        }
    }
    Ok(())
}

/// Exchanges (`.json`) and the bodies they name (`.sse`, and binary bodies such as
/// `.mp3` or `.mp4`); not the folder READMEs.
fn is_fixture_file(relative: &str) -> bool {
    !relative.ends_with(".md") && !relative.ends_with(".pending")
}
