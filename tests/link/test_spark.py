"""The same model on Spark, in local mode.  Skipped where pyspark or Java is missing."""
import shutil

import pytest

from civcas.link import link_rows, metrics, synthetic
from civcas.link.features import claim_row


@pytest.fixture(scope="module")
def spark_ready():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java 17 on the PATH")


def test_spark_engine_links_like_duckdb(spark_ready):
    corpus = synthetic.generate(40, seed=21)
    rows = [claim_row(i, c) for i, c in zip(corpus.ids, corpus.claims)]
    duck = link_rows(rows, engine="duckdb", details=False)
    spark = link_rows(rows, engine="spark", details=False)
    assert spark.parameters == duck.parameters == "fixed"
    on_duck = metrics.clusters_from_map(corpus.ids, duck.cluster_of)
    on_spark = metrics.clusters_from_map(corpus.ids, spark.cluster_of)
    # the same partition of the claims, whatever the representatives are called
    assert metrics.scores(on_spark, on_duck)["f1"] == 1.0
    assert metrics.scores(on_spark, corpus.truth)["f1"] > 0.9


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        link_rows([claim_row("c1", synthetic.generate(1, seed=1).claims[0])], engine="polars")
