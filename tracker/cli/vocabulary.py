"""`tracker regions`: the body regions and the other words tracker accepts."""

from __future__ import annotations

import click

from tracker import domain, regions


@click.command("regions")
def regions_command() -> None:
    """List the body regions you can name, with the other words accepted for them."""
    click.echo("Midline (no side):")
    for region in regions.REGIONS.values():
        if region.side is None:
            click.echo(f"  {region.name:<14} {', '.join(regions.aliases_of(region.name))}")
    for limb in ("leg", "arm"):
        click.echo(f"\n{limb.capitalize()} (left-/right-/both-, nearest the spine first):")
        for region in regions.REGIONS.values():
            if region.limb == limb and region.side == "left":
                base = region.name.split("-", 1)[1]
                click.echo(f"  {base:<14} {', '.join(regions.aliases_of(region.name))}")
    click.echo(
        "\nWrite them like: lower-back, 'low back', left-calf, 'L calf', 'left lower leg', "
        "'both feet'."
    )
    click.echo("Pain qualities: " + ", ".join(domain.QUALITIES))
    click.echo("Red flags: " + ", ".join(domain.RED_FLAGS))


COMMANDS = (regions_command,)
