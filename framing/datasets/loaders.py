"""Datasets: the embedded worked example, and loaders for research corpora.

Each loader returns a tidy DataFrame whose ``attrs["dataset"]`` holds where it came from
(:class:`DatasetInfo`: title, citation, license, download location, checksums).

>>> seed = load_seed()
>>> seed[["doc_id", "role"]].to_dict("records")
[{'doc_id': '000_40f3ba37e42615d7', 'role': 'article'}, \
{'doc_id': 'dod-centcom-2017-10-16-yemen-isis-camps', 'role': 'source'}]
>>> seed.attrs["dataset"]["name"]
'seed'

The seed article and the public-domain DoD/CENTCOM release it quotes ship inside the package,
in ``framing/data/seed/`` and ``framing/data/sources/``, read with :mod:`importlib.resources`.
The research corpora are not: they live in a data folder, found in this order
(:func:`data_home`):

1. the ``data_dir=`` argument of a loader;
2. the folder named by the ``FRAMING_DATA_DIR`` environment variable;
3. the user's cache folder (``platformdirs.user_cache_dir("framing")/datasets``).

Each dataset is a sub-folder named after it (``babe/``, ``allsides-roundups/`` ...), so the
project's ``../shared/data`` folder can be passed as ``data_dir`` as it is. ``framing download
NAME`` fetches a dataset that can be downloaded into that folder and checks its checksum; a
missing dataset raises :class:`~framing.errors.MissingDataError` saying how to get it.
"""

from __future__ import annotations

import ast
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from framing.errors import InputError, MissingDataError, choices_error

__all__ = [
    "DatasetInfo",
    "DownloadFile",
    "DATASETS",
    "DATA_DIR_ENV",
    "dataset_info",
    "data_home",
    "dataset_dir",
    "embedded_data_dir",
    "seed_path",
    "source_path",
    "load_seed_text",
    "load_seed",
    "load_babe",
    "load_allsides",
    "load_semeval_articles",
    "load_semeval_spans",
    "load_isot",
    "load_article_bias",
    "load_polnear",
    "load_polnear_attributions",
    "SEED_FILE",
]

SEED_FILE = "seed/000_40f3ba37e42615d7.txt"
DOD_RELEASE_FILE = "sources/dod-centcom-2017-10-16-yemen-isis-camps.txt"

#: The environment variable naming the folder that holds the datasets.
DATA_DIR_ENV = "FRAMING_DATA_DIR"


@dataclass(frozen=True)
class DownloadFile:
    """One file of a dataset to fetch: its URL, the name to save it as, and its SHA-256."""

    url: str
    filename: str
    sha256: str


@dataclass(frozen=True)
class DatasetInfo:
    """Where a dataset comes from and how to get it; carried in each loaded table's ``attrs``."""

    name: str
    title: str
    folder: str
    citation: str
    license: str
    homepage: str
    files: tuple[str, ...] = ()
    downloads: tuple[DownloadFile, ...] = ()
    how_to_get: str = ""
    #: "dataset", or "dictionary" for a published dictionary that framing cannot ship.
    kind: str = "dataset"

    def as_dict(self) -> dict:
        """Return the information as plain data (for ``DataFrame.attrs`` and file metadata)."""
        return asdict(self)


_BABE_RAW = (
    "https://raw.githubusercontent.com/Media-Bias-Group/"
    "Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE/main/data/"
)
_ALLSIDES_FILE = "headline_11_2021-10-19_crawled_all.jsonl"

#: The datasets that the loaders know. The SHA-256 values are those of the files as published
#: (checked against the copies in the project's shared data folder).
DATASETS: dict[str, DatasetInfo] = {
    info.name: info
    for info in (
        DatasetInfo(
            name="seed",
            title="Seed article (October 2017) and the DoD/CENTCOM release it quotes",
            folder="",
            citation="'ALERT: Trump Wins Massive Military Victory, Obama Never Did This' (2017); "
            "U.S. Department of Defense release of 2017-10-16",
            license="quoted for research and teaching; the DoD release is public domain",
            homepage="framing/data/seed/PROVENANCE.md",
            files=(SEED_FILE, DOD_RELEASE_FILE),
            how_to_get="it is embedded in the repository's data/ folder",
        ),
        DatasetInfo(
            name="babe",
            title="BABE: Bias Annotations By Experts (sentence-level media bias labels)",
            folder="babe",
            citation="Spinde, Plank, Krieger, Ruas, Gipp and Aizawa (2021). Neural Media Bias "
            "Detection Using Distant Supervision With BABE. Findings of EMNLP 2021, 1166-1177. "
            "doi:10.18653/v1/2021.findings-emnlp.101",
            license="GNU AGPL-3.0",
            homepage="https://github.com/Media-Bias-Group/"
            "Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE",
            files=("final_labels_SG1.csv", "final_labels_SG2.csv"),
            downloads=(
                DownloadFile(
                    _BABE_RAW + "final_labels_SG1.csv",
                    "final_labels_SG1.csv",
                    "aa9c30d3a2ce8836552564424229df182f73ff10fcbe1572a663154f0ace18e8",
                ),
                DownloadFile(
                    _BABE_RAW + "final_labels_SG2.csv",
                    "final_labels_SG2.csv",
                    "c02ebe82a8411f15e9dc63afed27826d61b84df56b5e1511f0f40bf8a688aeaf",
                ),
            ),
        ),
        DatasetInfo(
            name="allsides-roundups",
            title="AllSides headline roundups: one story, left/center/right coverage and a "
            "neutral summary (2021-04-22 to 2021-10-18)",
            folder="allsides-roundups",
            citation="Lee, Fung et al. (2022). NeuS: Neutral Multi-News Summarization for "
            "Mitigating Framing Bias. NAACL 2022.",
            license="none stated: research use only",
            homepage="https://github.com/HLTCHKUST/framing-bias-metric",
            files=(_ALLSIDES_FILE,),
            downloads=(
                DownloadFile(
                    "https://raw.githubusercontent.com/HLTCHKUST/framing-bias-metric/"
                    f"d293581/data/raw_crawled/{_ALLSIDES_FILE}",
                    _ALLSIDES_FILE,
                    "dac381650b03ffc88fb386740a91c0152e28fffe7c466d15cd8e6b49d5ab9e51",
                ),
            ),
        ),
        DatasetInfo(
            name="semeval2020-task11",
            title="SemEval-2020 Task 11: detection of propaganda techniques in news articles",
            folder="semeval2020-task11",
            citation="Da San Martino, Barron-Cedeno, Wachsmuth, Petrov and Nakov (2020). "
            "SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles. "
            "Proceedings of SemEval-2020, 1377-1414.",
            license="research use; distributed by the task organisers after registration",
            homepage="https://propaganda.math.unipd.it/ptc/",
            how_to_get="register with the task organisers, then copy the article*.txt files "
            "and the .labels files (any sub-folders) into the folder",
        ),
        DatasetInfo(
            name="isot-fake-news",
            title="ISOT Fake News dataset (Fake.csv and True.csv)",
            folder="isot-fake-news",
            citation="Ahmed, Traore and Saad (2017). Detection of Online Fake News Using N-Gram "
            "Analysis and Machine Learning Techniques. ISDDC 2017, LNCS 10618, 127-138.",
            license="research use, as stated by the University of Victoria ISOT lab",
            homepage="https://onlineacademiccommunity.uvic.ca/isot/datasets/",
            files=("Fake.csv", "True.csv"),
            how_to_get="download the archive from the ISOT lab's page and copy Fake.csv and "
            "True.csv into the folder",
        ),
        DatasetInfo(
            name="article-bias-prediction",
            title="Article-Bias-Prediction: AllSides articles with left/center/right labels",
            folder="article-bias-prediction",
            citation="Baly, Da San Martino, Glass and Nakov (2020). We Can Detect Your Bias: "
            "Predicting the Political Ideology of News Articles. EMNLP 2020, 4982-4991.",
            license="Apache-2.0 (the repository's)",
            homepage="https://github.com/ramybaly/Article-Bias-Prediction",
            how_to_get="clone the repository and copy its data/jsons/*.json files into the folder",
        ),
        DatasetInfo(
            name="polnear",
            title="PolNeAR: Political News Attribution Relations (7 US publishers, 2016 "
            "campaign; source, cue and content of every attribution)",
            folder="polnear",
            citation="Edward Newell, Drew Margolin and Derek Ruths (2018). An Attribution "
            "Relations Corpus for Political News. Proceedings of LREC 2018.",
            license="none stated by the repository; published as a research dataset: research "
            "use only",
            homepage="https://github.com/networkdynamics/PolNeAR",
            files=("metadata.tsv",),
            how_to_get="clone the repository (commit c3eee83) and copy data/metadata.tsv and "
            "data/SPLIT/{text,attributions} (SPLIT: train, dev, test) into the folder",
        ),
        DatasetInfo(
            name="lsd",
            title="Lexicoder Sentiment Dictionary 2015 (political news tone; the tone_lsd "
            "scorer of framing analyze --dictionary lsd=FILE)",
            folder="lexicons",
            citation="Lori Young and Stuart Soroka (2012). Affective News: The Automated Coding "
            "of Sentiment in Political Texts. Political Communication 29(2), 205-231. "
            "doi:10.1080/10584609.2012.671234",
            license="academic (non-commercial) use, as distributed by its authors; not "
            "redistributable, so framing does not ship it",
            homepage="https://www.snsoroka.com/data-lexicoder/",
            how_to_get="download the LSD2015 files (.lc3) from the Lexicoder page, keep their "
            "positive, negative and negation keys in one .lc3 file (the files can be "
            "concatenated), and pass it with --dictionary lsd=FILE; keep it in",
            kind="dictionary",
        ),
        DatasetInfo(
            name="mfd",
            title="Moral Foundations Dictionary 2.0 (care, fairness, loyalty, authority, "
            "sanctity; virtue and vice), LIWC .dic",
            folder="lexicons",
            citation="Jeremy A. Frimer, Reihane Boghrati, Jonathan Haidt, Jesse Graham and "
            "Morteza Dehghani (2019). Moral Foundations Dictionary for Linguistic Analyses 2.0.",
            license="none stated by the repository that publishes it; not copied into framing",
            homepage="https://github.com/medianeuroscience/emfd",
            files=("mfd2.0.dic",),
            how_to_get="copy dictionaries/mfd2.0.dic of the repository into the folder",
            kind="dictionary",
        ),
    )
}


def dataset_info(name: str) -> DatasetInfo:
    """Return the :class:`DatasetInfo` of a dataset by name.

    >>> dataset_info("babe").license
    'GNU AGPL-3.0'
    """
    try:
        return DATASETS[name]
    except KeyError:
        raise choices_error("dataset", name, sorted(DATASETS)) from None


def data_home(data_dir: str | Path | None = None) -> Path:
    """Return the folder that holds the datasets: the argument, ``$FRAMING_DATA_DIR``, or cache.

    >>> data_home("/tmp/corpora")
    PosixPath('/tmp/corpora')
    """
    if data_dir is not None:
        return Path(data_dir).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("framing")) / "datasets"


def how_to_get(info: DatasetInfo, folder: Path) -> str:
    """Return the one-line instruction that tells a user how to get a dataset into ``folder``."""
    if info.downloads:
        return f"run `framing download {info.name}` (or copy its files into {folder})"
    return f"{info.how_to_get}: {folder} ({info.homepage})"


def dataset_dir(name: str, data_dir: str | Path | None = None) -> Path:
    """Return the folder of dataset ``name``, raising MissingDataError when it is not there."""
    info = dataset_info(name)
    folder = data_home(data_dir) / info.folder
    missing = [file for file in info.files if not (folder / file).is_file()]
    if not folder.is_dir() or missing:
        what = f"{', '.join(missing)} not found in {folder}" if missing else f"no {folder}"
        raise MissingDataError(
            f"dataset {name!r} is not on this machine ({what}); {how_to_get(info, folder)}; "
            f"or pass data_dir= / set {DATA_DIR_ENV} to the folder that holds {info.folder}/"
        )
    return folder


def _with_info(table: pd.DataFrame, name: str, **extra) -> pd.DataFrame:
    info = dataset_info(name).as_dict()
    info.update(extra)
    table.attrs["dataset"] = info
    return table


# -- the embedded worked example ---------------------------------------------------------------


def embedded_data_dir() -> Path:
    """Return the package's data folder, ``framing/data/``, which holds the embedded examples.

    It is read with :mod:`importlib.resources`, so a wheel installed into ``site-packages`` finds
    the examples as an editable install does.

    >>> (embedded_data_dir() / SEED_FILE).is_file()
    True
    """
    folder = resources.files("framing").joinpath("data")
    if not isinstance(folder, Path) or not folder.joinpath(SEED_FILE).is_file():
        raise MissingDataError(
            f"the embedded examples are not in {folder}; reinstall framing from its wheel or "
            "sdist (pip install --force-reinstall framing-wire), which ships them inside the "
            "package"
        )
    return folder


def seed_path() -> Path:
    """Return the path of the seed article (October 2017, "ALERT: Trump Wins ...")."""
    return embedded_data_dir() / SEED_FILE


def source_path() -> Path:
    """Return the path of the DoD/CENTCOM release of 2017-10-16 that the seed quotes."""
    return embedded_data_dir() / DOD_RELEASE_FILE


def load_seed_text() -> str:
    """Return the seed article's text, exactly as committed."""
    return seed_path().read_text(encoding="utf-8")


def load_seed() -> pd.DataFrame:
    """Return the seed article and the DoD release it quotes: one row each, with their text.

    Columns: ``doc_id`` (the file's stem), ``role`` (``article`` or ``source``), ``title`` (the
    first line), ``text``, ``path``.
    """
    rows = []
    for role, path in (("article", seed_path()), ("source", source_path())):
        text = path.read_text(encoding="utf-8")
        title = text.strip().splitlines()[0].strip()
        rows.append(
            {"doc_id": path.stem, "role": role, "title": title, "text": text, "path": str(path)}
        )
    return _with_info(pd.DataFrame(rows), "seed")


# -- BABE ----------------------------------------------------------------------------------------

#: BABE's two expert-labelled sets (Spinde et al. 2021): SG1, 1,700 sentences labelled by 8
#: experts; SG2, 3,674 sentences labelled by 5 experts.
BABE_SUBGROUPS = ("SG1", "SG2")


def _parse_word_list(value: str) -> list[str]:
    value = value.strip()
    if not value:
        return []
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        raise InputError(
            f"BABE biased_words value {value[:60]!r} is not a list; the file is damaged: "
            "download it again with `framing download babe`"
        ) from None
    return [str(word) for word in parsed]


def load_babe(
    data_dir: str | Path | None = None, *, subgroup: str | Iterable[str] = "SG2"
) -> pd.DataFrame:
    """Return BABE's expert-labelled sentences: one row per sentence.

    ``subgroup`` is ``"SG2"`` (BABE proper, 3,674 sentences; the default), ``"SG1"`` (1,700
    sentences) or both, ``("SG1", "SG2")``. Columns: ``subgroup``, ``sentence_id`` (the row
    within its file, from 0), ``text``, ``news_link``, ``outlet``, ``topic``, ``type`` (the
    outlet's leaning: left, center, right, or missing), ``label_bias`` (Biased, Non-biased, No
    agreement), ``label_opinion``, ``biased_words`` (a list of the words the experts marked).

    ``data_dir`` is the folder that holds ``babe/`` (see :func:`data_home`).
    """
    chosen = [subgroup] if isinstance(subgroup, str) else list(subgroup)
    for name in chosen:
        if name not in BABE_SUBGROUPS:
            raise choices_error("subgroup", name, BABE_SUBGROUPS)
    folder = dataset_dir("babe", data_dir)
    tables = []
    for name in chosen:
        path = folder / f"final_labels_{name}.csv"
        table = pd.read_csv(
            path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[]
        )
        table["type"] = table["type"].replace("", pd.NA)
        table["biased_words"] = table["biased_words"].map(_parse_word_list)
        table.insert(0, "sentence_id", range(len(table)))
        table.insert(0, "subgroup", name)
        tables.append(table)
    return _with_info(pd.concat(tables, ignore_index=True), "babe")


# -- AllSides headline roundups ------------------------------------------------------------------

#: The sides of an AllSides roundup, left to right.
ALLSIDES_SIDES = ("left", "center", "right")
_ALLSIDES_SITE = "https://www.allsides.com"


def load_allsides(
    data_dir: str | Path | None = None,
    *,
    complete_only: bool = False,
    include_roundup: bool = False,
) -> pd.DataFrame:
    """Return the AllSides roundups: one row per side (left, center, right) per story.

    Columns: ``story_id``, ``story`` (the roundup's headline), ``topic``, ``date``,
    ``story_url``, ``side``, ``leaning`` (AllSides' finer rating, e.g. "lean left"),
    ``source`` (the outlet), ``title``, ``url``, ``paragraphs`` (a list of the article's first
    paragraphs, as crawled; the last one ends in "..."), ``text`` (those paragraphs joined by
    blank lines) and ``roundup`` (AllSides' neutral summary of the story).

    Compare the sides of one story by ``story_id`` (e.g. ``table.pivot(index="story_id",
    columns="side", values=...)``). ``complete_only=True`` keeps the stories with all three
    sides (469 of 506). ``include_roundup=True`` adds AllSides' own summary of each story as
    one more row with side ``roundup``, so every story (one has no sides) has a row.

    ``data_dir`` is the folder that holds ``allsides-roundups/`` (see :func:`data_home`).
    """
    folder = dataset_dir("allsides-roundups", data_dir)
    path = folder / _ALLSIDES_FILE
    rows = []
    stories = 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                story = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    f"{path} line {number} is not JSON ({error.msg}); download it again with "
                    "`framing download allsides-roundups`"
                ) from None
            stories += 1
            sides = story.get("news") or {}
            if complete_only and not all(side in sides for side in ALLSIDES_SIDES):
                continue
            roundup = "\n\n".join(part.strip() for part in story.get("roundup") or [])
            common = {
                "story_id": int(story["id"]),
                "story": story.get("issue", ""),
                "topic": story.get("topic", ""),
                "date": story.get("date", ""),
                "story_url": _ALLSIDES_SITE + story.get("link", ""),
            }
            for side in ALLSIDES_SIDES:
                if side not in sides:
                    continue
                news = sides[side]
                paragraphs = [part.strip() for part in news.get("newBody") or []]
                rows.append(
                    {
                        **common,
                        "side": side,
                        "leaning": news.get("stance_specific", side),
                        "source": news.get("newsSource", ""),
                        "title": news.get("newsTitle", ""),
                        "url": news.get("newsLink", ""),
                        "paragraphs": paragraphs,
                        "text": "\n\n".join(paragraphs),
                        "roundup": roundup,
                    }
                )
            if include_roundup:
                paragraphs = [part.strip() for part in story.get("roundup") or []]
                rows.append(
                    {
                        **common,
                        "side": "roundup",
                        "leaning": "neutral summary",
                        "source": "AllSides",
                        "title": story.get("issue", ""),
                        "url": common["story_url"],
                        "paragraphs": paragraphs,
                        "text": roundup,
                        "roundup": roundup,
                    }
                )
    table = pd.DataFrame(rows)
    table["date"] = pd.to_datetime(table["date"], utc=True)
    return _with_info(table, "allsides-roundups", stories_in_file=stories)


# -- SemEval-2020 Task 11 ------------------------------------------------------------------------


def _semeval_folder(data_dir: str | Path | None) -> tuple[Path, list[Path]]:
    folder = dataset_dir("semeval2020-task11", data_dir)
    articles = sorted(folder.rglob("article*.txt"))
    if not articles:
        info = dataset_info("semeval2020-task11")
        raise MissingDataError(f"no article*.txt files under {folder}; {how_to_get(info, folder)}")
    return folder, articles


def _article_id(path: Path) -> str:
    return path.name.split(".", 1)[0].removeprefix("article")


def load_semeval_articles(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the SemEval-2020 Task 11 articles: ``article_id``, ``title``, ``text``, ``path``.

    ``text`` is the file's content exactly (line endings kept), so the labels' character
    offsets index into it. ``title`` is its first line.
    """
    _, articles = _semeval_folder(data_dir)
    rows = []
    for path in articles:
        text = path.read_bytes().decode("utf-8")
        title = text.split("\n", 1)[0].strip()
        rows.append(
            {"article_id": _article_id(path), "title": title, "text": text, "path": str(path)}
        )
    return _with_info(pd.DataFrame(rows), "semeval2020-task11")


def load_semeval_spans(data_dir: str | Path | None = None, *, task: str = "TC") -> pd.DataFrame:
    """Return the SemEval-2020 Task 11 labels: one row per span, with the span's text.

    ``task="TC"`` reads technique-classification labels (``article_id<TAB>technique<TAB>start
    <TAB>end``), ``task="SI"`` span-identification labels (``article_id<TAB>start<TAB>end``;
    ``technique`` is then missing). Every ``.labels`` file under the folder with that format is
    read. Columns: ``article_id``, ``technique``, ``start``, ``end``, ``span``
    (``text[start:end]`` of the article), ``labels_file``.
    """
    tasks = {"TC": 4, "SI": 3}
    if task not in tasks:
        raise choices_error("task", task, list(tasks))
    folder, articles = _semeval_folder(data_dir)
    texts = {_article_id(path): path for path in articles}
    loaded: dict[str, str] = {}
    rows = []
    label_files = sorted(folder.rglob("*.labels"))
    for labels in label_files:
        for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), start=1):
            fields = line.rstrip("\r").split("\t")
            if not line.strip():
                continue
            if len(fields) != tasks[task]:
                if number == 1:
                    break  # a file of the other task's format
                raise InputError(
                    f"{labels} line {number} has {len(fields)} tab-separated fields, not "
                    f"{tasks[task]}; fix the line or remove the file from {folder}"
                )
            article_id = fields[0]
            technique = fields[1] if task == "TC" else None
            try:
                start, end = int(fields[-2]), int(fields[-1])
            except ValueError:
                raise InputError(
                    f"{labels} line {number}: offsets {fields[-2]!r}, {fields[-1]!r} are not "
                    "whole numbers; fix the line"
                ) from None
            if article_id not in texts:
                raise InputError(
                    f"{labels} line {number} labels article {article_id}, but there is no "
                    f"article{article_id}.txt under {folder}; copy it there"
                )
            if article_id not in loaded:
                loaded[article_id] = texts[article_id].read_bytes().decode("utf-8")
            text = loaded[article_id]
            if not 0 <= start <= end <= len(text):
                raise InputError(
                    f"{labels} line {number}: span {start}-{end} lies outside article "
                    f"{article_id} ({len(text)} characters); check the offsets"
                )
            rows.append(
                {
                    "article_id": article_id,
                    "technique": technique,
                    "start": start,
                    "end": end,
                    "span": text[start:end],
                    "labels_file": labels.name,
                }
            )
    if not rows:
        raise MissingDataError(
            f"no {task} .labels files under {folder}; copy the task's label files there"
        )
    table = pd.DataFrame(rows).drop_duplicates(
        subset=["article_id", "technique", "start", "end"], ignore_index=True
    )
    return _with_info(table, "semeval2020-task11", task=task)


# -- ISOT fake news ------------------------------------------------------------------------------


def load_isot(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the ISOT fake and true news: ``label`` (fake or true), title, text, subject, date.

    Rows keep the files' order, ``Fake.csv`` first. ``date`` stays as written (the files mix
    formats such as "December 31, 2017" and "31-Dec-17").
    """
    folder = dataset_dir("isot-fake-news", data_dir)
    tables = []
    for label, file in (("fake", "Fake.csv"), ("true", "True.csv")):
        table = pd.read_csv(folder / file, dtype=str, keep_default_na=False, na_values=[])
        expected = ["title", "text", "subject", "date"]
        if list(table.columns[:4]) != expected:
            raise InputError(
                f"{folder / file} has columns {list(table.columns)}, not {expected}; "
                "copy the original ISOT files"
            )
        table.insert(0, "label", label)
        tables.append(table[["label", *expected]])
    return _with_info(pd.concat(tables, ignore_index=True), "isot-fake-news")


# -- Article-Bias-Prediction ---------------------------------------------------------------------

#: The fields of one Article-Bias-Prediction JSON file (Baly et al. 2020), in their order.
ARTICLE_BIAS_FIELDS = (
    "ID",
    "topic",
    "source",
    "source_url",
    "url",
    "date",
    "authors",
    "title",
    "content_original",
    "content",
    "bias_text",
    "bias",
)


def load_article_bias(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the Article-Bias-Prediction articles: one row per JSON file, sorted by ``ID``.

    Columns are the files' fields (``ID``, ``topic``, ``source``, ``source_url``, ``url``,
    ``date``, ``authors``, ``title``, ``content_original``, ``content``, ``bias_text``,
    ``bias``: 0 left, 1 center, 2 right).
    """
    folder = dataset_dir("article-bias-prediction", data_dir)
    files = sorted(folder.rglob("*.json"))
    if not files:
        info = dataset_info("article-bias-prediction")
        raise MissingDataError(f"no .json files under {folder}; {how_to_get(info, folder)}")
    rows = []
    for path in files:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise InputError(f"{path} is not JSON ({error.msg}); copy it again") from None
        missing = [name for name in ARTICLE_BIAS_FIELDS if name not in record]
        if missing:
            raise InputError(f"{path} lacks the fields {missing}; copy the original file")
        rows.append({name: record[name] for name in ARTICLE_BIAS_FIELDS})
    table = pd.DataFrame(rows, columns=list(ARTICLE_BIAS_FIELDS))
    table["bias"] = table["bias"].astype("int64")
    table = table.sort_values("ID", kind="stable", ignore_index=True)
    return _with_info(table, "article-bias-prediction")


# -- PolNeAR -------------------------------------------------------------------------------------

#: PolNeAR's compartments; only ``train`` may be viewed while developing (the corpus's README).
POLNEAR_SPLITS = ("train", "dev", "test")
#: The roles of a PolNeAR attribution's spans, as its brat files name them.
POLNEAR_ROLES = ("Source", "Cue", "Content")
#: How metadata.tsv writes "no value" (NA: the wire column of Western Journalism rows).
_POLNEAR_NONE = ("", "None", "NA")
#: A wire dateline at an article's start, "DALLAS (AP) —": the agency in parentheses after
#: a place in capitals, then a dash.
_DATELINE_WIRE = re.compile(
    r"^[A-Z][A-Z .,'’-]*\((AP|Reuters|AFP|UPI|Associated Press)\)\s*[—–-]", re.MULTILINE
)
#: How far into a text a dateline is looked for (after a headline line).
_DATELINE_WITHIN = 1000
_BRAT_SPAN_ID = re.compile(r"T\d+")
_BRAT_EVENT_ID = re.compile(r"E\d+")


def _polnear_split(split: str, data_dir: str | Path | None) -> Path:
    if split not in POLNEAR_SPLITS:
        raise choices_error("split", split, POLNEAR_SPLITS)
    folder = dataset_dir("polnear", data_dir)
    texts = folder / split / "text"
    if not texts.is_dir() or not any(texts.glob("*.txt")):
        info = dataset_info("polnear")
        raise MissingDataError(
            f"PolNeAR's {split!r} compartment is not in {folder / split}; "
            f"{how_to_get(info, folder)}"
        )
    return folder / split


def _polnear_metadata(folder: Path, split: str) -> dict[str, dict[str, str]]:
    table = pd.read_csv(
        folder / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False, na_values=[]
    )
    if "compartment" in table.columns:
        table = table[table["compartment"] == split]
    return {row["filename"]: row for row in table.to_dict("records")}


def _none_to_na(value: str | None):
    value = None if value is None else value.strip()
    return pd.NA if value is None or value in _POLNEAR_NONE else value


def dateline_wire(text: str):
    """Return the agency of a wire dateline near a text's start, else ``pd.NA``.

    >>> dateline_wire("Title.\\n\\nDALLAS (AP) — A candidate said ...")
    'AP'
    >>> dateline_wire("He told the AP (AP) - nothing.")
    <NA>
    """
    found = _DATELINE_WIRE.search(text[:_DATELINE_WITHIN])
    return found.group(1) if found else pd.NA


def load_polnear(split: str = "train", data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return PolNeAR's articles of one compartment: one row per article, sorted by ``doc_id``.

    Columns: ``doc_id`` (the file name without ``.txt``), ``text`` (the file's content exactly,
    so the attributions' character offsets index into it), ``publisher``, ``date``
    (``publication_date`` of ``metadata.tsv``, a datetime), ``author``, ``title``, ``credit``
    and ``wire`` (the agency the story is credited to, e.g. AP; missing when the metadata says
    ``None``), and ``dateline_wire``: the agency of a wire dateline such as "DALLAS (AP) —" at
    the start of a line in the first 1,000 characters of the text, else missing. ``split`` is
    ``train`` (the one in the project's shared data), ``dev`` or
    ``test``; ``data_dir`` is the folder that holds ``polnear/`` (see :func:`data_home`).
    """
    split_dir = _polnear_split(split, data_dir)
    metadata = _polnear_metadata(split_dir.parent, split)
    rows = []
    for path in sorted((split_dir / "text").glob("*.txt")):
        meta = metadata.get(path.stem, {})
        text = path.read_bytes().decode("utf-8")
        rows.append(
            {
                "doc_id": path.stem,
                "text": text,
                "publisher": _none_to_na(meta.get("publisher")),
                "date": _none_to_na(meta.get("publication_date")),
                "author": _none_to_na(meta.get("author")),
                "title": _none_to_na(meta.get("title")),
                "credit": _none_to_na(meta.get("credit")),
                "wire": _none_to_na(meta.get("wire")),
                "dateline_wire": dateline_wire(text),
            }
        )
    table = pd.DataFrame(rows)
    table["date"] = pd.to_datetime(table["date"], errors="coerce")
    return _with_info(table, "polnear", split=split)


def _brat_span(field: str, where: str) -> list[tuple[int, int]]:
    """Return the pieces of a brat span field such as ``Cue 10 14;20 25``."""
    try:
        _, offsets = field.split(" ", 1)
        pieces = [tuple(int(n) for n in piece.split()) for piece in offsets.split(";")]
    except ValueError:
        pieces = []
    if not pieces or any(len(piece) != 2 or piece[0] > piece[1] for piece in pieces):
        raise InputError(
            f"{where}: {field!r} is not a brat span (TYPE START END[;START END]); "
            "fix the line or copy the original file"
        )
    return [(start, end) for start, end in pieces]


def _read_brat(path: Path, text: str) -> list[dict]:
    """Return one record per attribution (``E`` line) of a brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path} line {number}"
        fields = line.rstrip("\r").split("\t")
        if not line.strip():
            continue
        # a span's text may hold a line break, so a line is read only by its T or E id
        if _BRAT_SPAN_ID.fullmatch(fields[0]) and len(fields) >= 2:
            pieces = _brat_span(fields[1], where)
            if pieces[-1][1] > len(text):
                raise InputError(
                    f"{where}: span ends past the text ({len(text)} characters); "
                    "the .ann and .txt files do not belong together"
                )
            spans[fields[0]] = (fields[1].split(" ", 1)[0], pieces)
        elif _BRAT_EVENT_ID.fullmatch(fields[0]) and len(fields) >= 2:
            events.append((fields[0], fields[1].split(), where))
    records = []
    for event_id, arguments, where in events:
        record: dict = {"attribution_id": event_id}
        for role in POLNEAR_ROLES:
            record[role.lower()] = []
        for argument in arguments:
            role, _, span_id = argument.partition(":")
            role = role.rstrip("0123456789")
            if role not in POLNEAR_ROLES:
                continue
            if span_id not in spans:
                raise InputError(f"{where}: {span_id} is not a span of the file; fix the line")
            record[role.lower()].extend(spans[span_id][1])
        for role in POLNEAR_ROLES:
            pieces = sorted(record.pop(role.lower()))
            key = role.lower()
            record[f"{key}_spans"] = pieces
            record[f"{key}_start"] = pieces[0][0] if pieces else pd.NA
            record[f"{key}_end"] = pieces[-1][1] if pieces else pd.NA
            record[f"{key}_text"] = " ".join(text[start:end] for start, end in pieces)
        records.append(record)
    return records


def load_polnear_attributions(
    split: str = "train", data_dir: str | Path | None = None
) -> pd.DataFrame:
    """Return PolNeAR's annotated attributions: one row per attribution.

    Columns: ``doc_id`` (as in :func:`load_polnear`), ``annotator`` (from the file name
    ``DOC_ANNOTATOR.ann``), ``attribution_id`` (the brat ``E`` id), and for each role,
    ``source``, ``cue`` and ``content``: ``ROLE_spans`` (a list of ``(start, end)`` character
    offsets into the article's text; brat spans may be discontinuous, and every piece is kept),
    ``ROLE_start`` and ``ROLE_end`` (of the first and last piece; missing when the role is not
    annotated) and ``ROLE_text`` (the pieces' texts joined by one space).

    Some texts were annotated by several annotators; one file is read per text, the first of
    the annotators listed for it in ``metadata.tsv`` that has a file, else the first by name.
    """
    split_dir = _polnear_split(split, data_dir)
    metadata = _polnear_metadata(split_dir.parent, split)
    by_doc: dict[str, list[Path]] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        doc_id, _, annotator = path.stem.rpartition("_")
        by_doc.setdefault(doc_id, []).append(path)
    rows = []
    for doc_id, paths in sorted(by_doc.items()):
        text_path = split_dir / "text" / f"{doc_id}.txt"
        if not text_path.is_file():
            raise InputError(
                f"{paths[0]} annotates {doc_id}, but {text_path} is missing; "
                "copy the text files of the same compartment"
            )
        listed = str(metadata.get(doc_id, {}).get("annotators", "")).replace(",", " ").split()
        chosen = next(
            (path for name in listed for path in paths if path.stem.endswith("_" + name)),
            paths[0],
        )
        text = text_path.read_bytes().decode("utf-8")
        annotator = chosen.stem.rpartition("_")[2]
        for record in _read_brat(chosen, text):
            rows.append({"doc_id": doc_id, "annotator": annotator, **record})
    columns = ["doc_id", "annotator", "attribution_id"] + [
        f"{role.lower()}_{part}"
        for role in POLNEAR_ROLES
        for part in ("spans", "start", "end", "text")
    ]
    table = pd.DataFrame(rows, columns=columns)
    for role in POLNEAR_ROLES:
        for part in ("start", "end"):
            table[f"{role.lower()}_{part}"] = table[f"{role.lower()}_{part}"].astype("Int64")
    return _with_info(table, "polnear", split=split)
