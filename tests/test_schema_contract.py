"""The schema contract: schema.graphql is the schema the gateway serves, and a change to it is reported as breaking
or dangerous (graphql-core's find_breaking_changes), so a break a client would notice is made on purpose."""

from __future__ import annotations

from typer.testing import CliRunner

from gateway.cli import app as cli
from gateway.schema_contract import COMMITTED, changes, sdl, served

UPDATE = "run `partnergraph schema export > schema.graphql` and commit it if the change is deliberate"


def test_the_committed_schema_is_the_schema_served():
    committed = COMMITTED.read_text()
    if committed != sdl():
        found = changes(committed, served())
        raise AssertionError(f"the schema changed without schema.graphql ({UPDATE}); "
                             f"breaking: {found.breaking or 'none'}; dangerous: {found.dangerous or 'none'}")


def test_schema_export_prints_the_sdl():
    result = CliRunner().invoke(cli, ["schema", "export"])
    assert result.exit_code == 0, result.output
    assert result.output == COMMITTED.read_text()


def test_a_removed_field_and_a_new_required_argument_are_breaking():
    committed = COMMITTED.read_text()
    older = committed.replace("  fundClaim(\n", "  fundClaimArchived(\n", 1)  # a field the served schema lacks
    assert older != committed
    found = changes(older, served())
    assert found.breaking == ["FIELD_REMOVED: Field Query.fundClaimArchived was removed."]
    unchanged = changes(committed, served())
    assert (unchanged.breaking, unchanged.dangerous) == ([], [])


def test_an_added_enum_value_is_dangerous():
    committed = COMMITTED.read_text()
    older = committed.replace("  TRAINING\n", "", 1)  # MarketingActivityType before TRAINING was added
    found = changes(older, served())
    assert found.breaking == []
    assert found.dangerous == ["VALUE_ADDED_TO_ENUM: Enum value MarketingActivityType.TRAINING was added."]
