"""Run the Splink model over feature rows, with no SQL store involved.

This is the linker's core: the store-facing `link()` and the benchmark both call `link_rows`.
It returns, for every record, the cluster it falls in at the upper threshold, the score that put
it there, and the near misses between the thresholds that an analyst should see.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from typing import Any

from civcas.link import components, splink_settings
from civcas.link.features import to_arrow

ENGINES = ("duckdb", "spark")
DEFAULT_UPPER = 0.9
DEFAULT_LOWER = 0.5


class EngineUnavailable(RuntimeError):
    """The chosen engine cannot run here; the message says what to install."""


@dataclass
class LinkResult:
    cluster_of: dict[str, str]                       # record -> cluster representative
    best_score: dict[str, float] = field(default_factory=dict)   # within its cluster
    near: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # lower <= p < upper
    trained: bool = False
    n_pairs: int = 0
    parameters: str = "fixed"                        # "fixed" or "estimated": said in the report
    seconds: dict[str, float] = field(default_factory=dict)   # per stage, for the benchmark
    notes: list[str] = field(default_factory=list)


def _spark_session():
    """A local Spark unless CIVCAS_SPARK_MASTER names a cluster; Splink's jar brings the
    string-similarity functions the comparisons call."""
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError:
        raise EngineUnavailable("engine 'spark' needs pyspark (pip install pyspark==4.3.0) and "
                                "Java 17 on the PATH") from None
    import tempfile

    spark = (SparkSession.builder.master(os.environ.get("CIVCAS_SPARK_MASTER", "local[2]"))
             .appName("civcas-link").config("spark.jars", similarity_jar_location())
             .config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", os.environ.get("CIVCAS_SPARK_MEMORY", "4g"))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    # Splink breaks long Spark lineages with checkpoints, which need a directory.
    if not spark.sparkContext.getCheckpointDir():
        spark.sparkContext.setCheckpointDir(os.environ.get(
            "CIVCAS_SPARK_CHECKPOINTS", tempfile.mkdtemp(prefix="civcas-spark-")))
    return spark


def _register(engine: str, table):
    if engine == "duckdb":
        from splink import DuckDBAPI

        db_api = DuckDBAPI()
        return db_api, db_api.register(table)
    if engine == "spark":
        from splink import SparkAPI

        spark = _spark_session()
        db_api = SparkAPI(spark_session=spark)
        sdf = spark.createDataFrame(table.to_pylist(), schema=_spark_schema())
        return db_api, db_api.register(sdf)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def _spark_schema():
    from pyspark.sql import types as T

    s, i, f = T.StringType(), T.LongType(), T.DoubleType()
    cols = [("unique_id", s), ("kind", s), ("day_lo", i), ("day_hi", i), ("coarse", i), ("wk", i),
            ("wk2", i), ("ym", i), ("lat", f), ("lon", f), ("radius_km", f), ("country", s),
            ("admin1", s), ("area", s), ("place_key", s), ("count_lo", i), ("count_hi", i),
            ("belligerent", s), ("names", T.ArrayType(s))]
    return T.StructType([T.StructField(n, t, True) for n, t in cols])


def _train(linker, n: int) -> None:
    """u from random pairs (unrelated claims agree by chance this often), m by EM within blocks
    where true pairs are common, and the prior from near-certain pairs."""
    linker.training.estimate_probability_two_random_records_match(
        splink_settings.DETERMINISTIC, recall=splink_settings.DETERMINISTIC_RECALL)
    linker.training.estimate_u_using_random_sampling(max_pairs=min(5e6, max(1e5, n * 20.0)), seed=7)
    for rule in splink_settings.EM_BLOCKS:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, fix_probability_two_random_records_match=True)


def _fixed_prior(linker, sdf, n: int, engine: str):
    """Untrained, the fixed u values describe pairs *within* blocks, so the prior must too:
    about as many true pairs as records (three claims an incident give n true pairs), out of
    however many pairs the blocking rules let through."""
    from splink import Linker

    blocked = linker.inference.predict(threshold_match_probability=0.0).as_pyarrow_table().num_rows
    settings = splink_settings.settings(n, engine)
    settings["probability_two_random_records_match"] = min(0.5, max(1e-6, n / max(blocked, 1)))
    return Linker(sdf, settings, log_level=None)


def vague_records(table) -> set[str]:
    """Records that cannot pin an event down: no geocode finer than a district, or no day."""
    ids = table.column("unique_id").to_pylist()
    radius = table.column("radius_km").to_pylist()
    coarse = table.column("coarse").to_pylist()
    day = table.column("day_lo").to_pylist()
    return {i for i, r, c, d in zip(ids, radius, coarse, day)
            if r is None or r > 50 or c == 1 or d is None}


def undated_records(table) -> set[str]:
    ids = table.column("unique_id").to_pylist()
    return {i for i, d in zip(ids, table.column("day_lo").to_pylist()) if d is None}


def link_rows(rows: list[dict[str, Any]] | Any, *, engine: str = "duckdb",
              upper: float = DEFAULT_UPPER, lower: float = DEFAULT_LOWER, train: bool | None = None,
              details: bool = True) -> LinkResult:
    """Cluster feature rows (from `features.claim_row`/`incident_row`, or an arrow table of them).

    `train=None` trains when there are enough claims (splink_settings.MIN_TRAINING_RECORDS)
    and otherwise uses the fixed parameters; a training run that fails falls back to them too."""
    from splink import Linker

    if not 0 < lower <= upper < 1:
        raise ValueError("thresholds must satisfy 0 < lower <= upper < 1")
    table = rows if hasattr(rows, "num_rows") else to_arrow(rows)
    n = table.num_rows
    if n == 0:
        return LinkResult(cluster_of={})
    claims = table.column("kind").to_pylist().count("claim")
    if train is None:
        train = claims >= splink_settings.MIN_TRAINING_RECORDS
    # Splink warns about every comparison level a small corpus lacks; those are expected here and
    # would bury the report, so only its errors are shown.
    logging.getLogger("splink").setLevel(logging.ERROR)
    clock = [time.perf_counter()]
    seconds: dict[str, float] = {}

    def lap(stage: str) -> None:
        now = time.perf_counter()
        seconds[stage] = round(now - clock[0], 2)
        clock[0] = now

    db_api, sdf = _register(engine, table)
    linker = Linker(sdf, splink_settings.settings(n, engine), log_level=None)
    parameters, failure = "fixed", ""
    if train:
        try:
            _train(linker, n)
            parameters = "estimated"
        except Exception as exc:  # too few pairs in a block, EM not converging: keep the priors
            logging.getLogger(__name__).warning("training failed, using fixed parameters: %s", exc)
            failure = f"training failed ({type(exc).__name__}: {exc}); fixed parameters used"
            linker = Linker(sdf, splink_settings.settings(n, engine), log_level=None)
    if parameters == "fixed":
        linker = _fixed_prior(linker, sdf, n, engine)
    lap("train")
    predictions = linker.inference.predict(threshold_match_probability=min(lower, upper))
    edges = predictions.as_pyarrow_table()
    lap("predict")
    left = edges.column("unique_id_l").to_pylist()
    right = edges.column("unique_id_r").to_pylist()
    prob = edges.column("match_probability").to_pylist()
    # A record with no date at all cannot be tied to one event (the same town is struck again
    # and again): its pairs are only ever suggestions, however well the rest agrees.
    undated = undated_records(table)
    firm = [p if p < upper or (a not in undated and b not in undated) else -1.0
            for a, b, p in zip(left, right, prob)]
    result = LinkResult(cluster_of=components.group(zip(left, right, firm), vague_records(table), upper),
                        trained=parameters == "estimated", parameters=parameters, n_pairs=len(prob),
                        seconds=seconds)
    if failure:
        result.notes.append(failure)
    elif not train and claims < splink_settings.MIN_TRAINING_RECORDS:
        result.notes.append(f"{claims} claims, below {splink_settings.MIN_TRAINING_RECORDS}: fixed "
                            "fallback parameters")
    elif not train:
        result.notes.append("training switched off: fixed fallback parameters")
    lap("group")
    if details:
        for a, b, p, f in zip(left, right, prob, firm):
            if f >= upper:
                for x in (a, b):
                    if p > result.best_score.get(x, -1.0):
                        result.best_score[x] = p
            else:
                result.near.setdefault(a, []).append((b, p))
                result.near.setdefault(b, []).append((a, p))
        lap("details")
    return result
