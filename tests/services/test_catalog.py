from __future__ import annotations

import pytest

from tests.helpers import add_client, at, task
from vatracker.domain.entries import new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.services.container import Services


def test_a_client_has_name_currency_rate_and_zone(services: Services) -> None:
    client = services.catalog.add_client("Acme", "35.50", "usd", "America/New_York")
    assert services.catalog.client_named("ACME") == client
    assert (client.currency, client.rate_minor, client.timezone) == (
        "USD",
        3550,
        "America/New_York",
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rate": "-1"}, "negative"),
        ({"rate": "lots"}, "not a number"),
        ({"currency": "DOLLARS"}, "Unknown currency"),
        ({"timezone": "Eastern"}, "Unknown time zone"),
        ({"name": "  "}, "name is empty"),
        ({"name": "two\nlines"}, "control character"),
    ],
)
def test_bad_client_details_change_nothing(
    services: Services, kwargs: dict[str, str], message: str
) -> None:
    values = {"name": "Acme", "rate": "35", "currency": "USD", "timezone": "UTC", **kwargs}
    with pytest.raises(InvalidInput, match=message):
        services.catalog.add_client(**values)
    assert services.catalog.clients() == []


def test_duplicate_names_are_refused_whatever_the_case(services: Services) -> None:
    add_client(services, "Acme")
    with pytest.raises(InvalidInput, match="A client named 'Acme' already exists"):
        add_client(services, "acme")
    beta = add_client(services, "Beta")
    with pytest.raises(InvalidInput, match="already exists"):
        services.catalog.update_client(beta.id, name="ACME")


def test_markup_and_formula_names_are_stored_literally(services: Services) -> None:
    name = '=HYPERLINK("http://evil") <img src=x>'
    client = add_client(services, name)
    assert services.catalog.client(client.id).name == name


def test_changing_currency_rereads_the_rate(services: Services) -> None:
    client = add_client(services, rate="35.50")
    with pytest.raises(InvalidInput, match="JPY takes no decimals"):
        services.catalog.update_client(client.id, currency="JPY")
    updated = services.catalog.update_client(client.id, currency="JPY", rate="4000")
    assert (updated.currency, updated.rate_minor) == ("JPY", 4000)


def test_a_client_with_entries_is_archived_not_deleted(services: Services) -> None:
    client = add_client(services)
    entry = new_entry(
        client.id,
        task(services).id,
        at("2026-03-02 08:00"),
        services.settings.va_zone(),
        end=at("2026-03-02 09:00"),
    )
    services.entries.add(entry)
    with pytest.raises(InvalidInput, match="has 1 entries, so it cannot be deleted: archive it"):
        services.catalog.delete_client(client.id)
    archived = services.catalog.set_client_archived(client.id, True)
    assert archived.archived and services.catalog.clients(include_archived=False) == []
    empty = add_client(services, "Empty")
    services.catalog.delete_client(empty.id)
    assert [c.name for c in services.catalog.clients()] == ["Acme"]


def test_task_types(services: Services) -> None:
    added = services.catalog.add_task_type("Email marketing", billable=True)
    assert services.catalog.task_type_named("email MARKETING") == added
    with pytest.raises(InvalidInput, match="already exists"):
        services.catalog.add_task_type("Research")
    admin = task(services, "Own admin")
    assert not admin.billable
    services.catalog.update_task_type(added.id, name="Newsletters", billable=False)
    assert not services.catalog.task_type_named("Newsletters").billable
    services.catalog.delete_task_type(added.id)
    with pytest.raises(InvalidInput, match="Unknown task type 'Newsletters'"):
        services.catalog.task_type_named("Newsletters")
