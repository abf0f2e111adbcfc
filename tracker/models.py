"""The database tables (SQLAlchemy 2 typed mappings). No behaviour: repository.py does the work."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class EntryRow(Base):
    """One diary entry."""

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    pain: Mapped[int] = mapped_column(Integer)
    logged_at: Mapped[dt.datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
    import_key: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    sites: Mapped[list[SiteRow]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="SiteRow.position"
    )
    terms: Mapped[list[TermRow]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="TermRow.position"
    )


class SiteRow(Base):
    """A region attached to an entry: where it hurts (with intensity), radiates, numb, ..."""

    __tablename__ = "entry_sites"
    __table_args__ = (UniqueConstraint("entry_id", "kind", "region"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # pain, radiates, numb, tingling, weak
    region: Mapped[str] = mapped_column(String(32))
    intensity: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)

    entry: Mapped[EntryRow] = relationship(back_populates="sites")


class TermRow(Base):
    """A word from a fixed vocabulary attached to an entry: a pain quality or a red flag."""

    __tablename__ = "entry_terms"
    __table_args__ = (UniqueConstraint("entry_id", "kind", "term"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # quality, red_flag
    term: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)

    entry: Mapped[EntryRow] = relationship(back_populates="terms")


class EventRow(Base):
    """A dated marker: surgery (with spinal levels), injection, medication change, ..."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    levels: Mapped[str | None] = mapped_column(String(200))  # "L4-L5,L5-S1"
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    import_key: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)
