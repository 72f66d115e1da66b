import type { viGroups } from "./vi";

/** Strings of economic-support outcome reports: figures, charts, exports, print view. */
export const reportsEn: Record<keyof typeof viGroups.reports, string> = {
  "reports.nav.link": "Reports",
  "reports.title": "Support outcome reports",
  "reports.intro":
    "What the support to women's economic development achieved in your part of the Union: sales, orders, producers and demand, beside the previous period.",
  "reports.unitPeriod": "{unit} · {from} – {to}",
  "reports.previousPeriod": "Previous period: {from} – {to}",
  "reports.breadcrumb": "Union levels",

  "reports.form.legend": "Choose the period and the unit",
  "reports.form.kind": "Kind of period",
  "reports.form.kind.month": "Month",
  "reports.form.kind.quarter": "Quarter",
  "reports.form.kind.year": "Year",
  "reports.form.kind.custom": "Custom: from date – to date",
  "reports.form.anchor": "A day in the period",
  "reports.form.anchorHint":
    "For a month, quarter or year: the report covers the whole month, quarter or year holding this day.",
  "reports.form.from": "From",
  "reports.form.to": "To",
  "reports.form.customHint": "For a custom period. Both the first and the last day count.",
  "reports.form.unit": "Unit",
  "reports.form.submit": "Show the report",
  "reports.quick.label": "Usual periods",
  "reports.quick.thisMonth": "This month",
  "reports.quick.lastMonth": "Last month",
  "reports.quick.thisQuarter": "This quarter",
  "reports.quick.lastQuarter": "Last quarter",
  "reports.quick.thisYear": "This year",
  "reports.quick.lastYear": "Last year",

  "reports.notes.title": "How to read this report",
  "reports.notes.todayTree":
    "Reports use today's org tree: a merged unit sits under the unit it was merged into, so its past figures count in that unit's report.",
  "reports.notes.additive":
    "Only sales, orders and offline deals add up across rows. Distinct counts (active producers, buyers, women members, active listings) do not: one producer or one buyer can appear in several rows.",
  "reports.notes.privacy":
    "No buyer's personal data is in a report. Every download is written to the audit log.",

  "reports.def.title": "Definitions",
  "reports.def.period":
    "An order counts in the period that holds its completion time, in Vietnam time (UTC+7); the first and last days of the period both count.",
  "reports.def.sales":
    "Sales are the sum of quantity × unit price of the orders completed in the period, without delivery fees, minus the refunds recorded in the period on completed orders. So a report sent upward never changes later.",
  "reports.def.refundSpread":
    "For the breakdowns by category and OCOP stars, a refund is spread over its order's lines pro rata (largest remainder), to the đồng.",
  "reports.def.cancelled": "Cancelled orders never count.",
  "reports.def.activeProducer":
    "An active producer has at least one order completed in the period.",
  "reports.def.activeListing":
    "An active listing was published at the end of the period (listing status changes are recorded with their times since reports exist).",
  "reports.def.womenMembers":
    "Women members are the producers' declared counts of women members, at the end of the period, for the producers that sold in it; sales per woman member are sales divided by that count, rounded to the đồng.",
  "reports.def.offlineDeals":
    "Offline deals (made at fairs and conferences and recorded by Union staff) are their own line, never part of sales.",
  "reports.def.groups":
    "Disadvantaged groups: producers with at least one member from an ethnic minority, or from a poor household, as declared at the end of the period.",
  "reports.def.demand":
    "Purchase requests count under the Union unit of their delivery place: posted in the period, given their first offer in the period, fulfilled in the period.",
  "reports.def.campaigns":
    "Support campaigns: those whose dates overlap the period, held by a unit in scope or joined by a producer in scope. Their figures are the whole campaign's, not the period's: “ordered” counts confirmed orders not cancelled, “sold” completed ones only, of goods that were in the campaign when ordered and ordered during it, after refunds. Never add them to sales: those orders are already in the sales of the period they completed in.",

  "reports.figure.salesVnd": "Sales (đồng)",
  "reports.figure.refundsVnd": "Refunds taken off sales (đồng)",
  "reports.figure.completedOrders": "Completed orders",
  "reports.figure.activeProducers": "Active producers",
  "reports.figure.activeListings": "Active listings",
  "reports.figure.distinctBuyers": "Buyers (distinct)",
  "reports.figure.womenMembers": "Women members in producers that sold",
  "reports.figure.salesPerWomanMemberVnd": "Sales per woman member (đồng)",
  "reports.figure.offlineDeals": "Offline deals",
  "reports.figure.offlineDealsVnd": "Value of offline deals (đồng)",
  "reports.figure.requestsPosted": "Purchase requests posted",
  "reports.figure.requestsAnswered": "Purchase requests given a first offer",
  "reports.figure.requestsFulfilled": "Purchase requests fulfilled",

  "reports.table.figures": "Main figures, beside the previous period",
  "reports.table.demand":
    "Demand side: purchase requests and offline deals, beside the previous period",
  "reports.table.units": "By unit",
  "reports.table.deals": "Offline deals by unit",
  "reports.table.producers": "By producer that sold in the period",
  "reports.table.categories": "By category",
  "reports.table.ocop": "By OCOP stars",
  "reports.table.groups": "By disadvantaged group",
  "reports.table.campaigns": "Support campaigns",
  "reports.table.months": "Sales over the last 12 months",
  "reports.table.empty": "No rows in this period.",
  "reports.table.scrollHint": "On a phone, swipe sideways to see a whole table.",

  "reports.col.figure": "Figure",
  "reports.col.current": "This period",
  "reports.col.previous": "Previous period",
  "reports.col.changePercent": "Change (%)",
  "reports.col.unitCode": "Unit code",
  "reports.col.unitName": "Unit name",
  "reports.col.salesVnd": "Sales (đồng)",
  "reports.col.completedOrders": "Completed orders",
  "reports.col.activeProducers": "Active producers",
  "reports.col.womenMembers": "Women members in producers that sold",
  "reports.col.salesPerWomanMemberVnd": "Sales per woman member (đồng)",
  "reports.col.offlineDealsVnd": "Value of offline deals (đồng)",
  "reports.col.producerCode": "Producer code",
  "reports.col.producerName": "Producer name",
  "reports.col.producerWomenMembers": "Women members",
  "reports.col.categoryCode": "Category code",
  "reports.col.categoryName": "Category",
  "reports.col.ocopStars": "OCOP stars",
  "reports.col.group": "Group",
  "reports.col.producers": "Producers",
  "reports.col.campaign": "Campaign",
  "reports.col.campaignUnit": "Held by",
  "reports.col.campaignDates": "Dates",
  "reports.col.campaignPhase": "Status",
  "reports.col.targetVnd": "Target (đồng)",
  "reports.col.orderedVnd": "Ordered (đồng)",
  "reports.col.soldVnd": "Sold (đồng)",
  "reports.col.targetQuantity": "Quantity target",
  "reports.col.quantityUnit": "Unit",
  "reports.col.orderedQuantity": "Quantity ordered",
  "reports.col.soldQuantity": "Quantity sold",
  "reports.col.campaignBuyers": "Buyers",
  "reports.col.campaignOrders": "Orders",
  "reports.campaignPhase.upcoming": "Upcoming",
  "reports.campaignPhase.running": "Running",
  "reports.campaignPhase.ended": "Ended",
  "reports.col.month": "Month",

  "reports.row.direct": "directly attached",
  "reports.row.total": "Total – {unit}",
  "reports.row.noCategory": "No category",
  "reports.row.noStars": "No OCOP stars",
  "reports.row.stars": "{stars} stars",
  "reports.row.month": "{month}/{year}",
  "reports.group.ethnicMinority": "With members from ethnic minorities",
  "reports.group.poorHousehold": "With members from poor households",
  "reports.drillDown": "Show the report of {unit}",

  "reports.chart.months": "Chart of sales over the last 12 months",
  "reports.chart.units": "Chart of sales by unit",
  "reports.chart.categories": "Chart of sales by category",
  "reports.chart.monthsSummary":
    "From {first} to {last}, sales totalled {total} đồng; the highest month was {maxMonth} ({max} đồng), the lowest {minMonth} ({min} đồng).",
  "reports.chart.barsSummary":
    "{count} items, {total} đồng in all; the largest is {top} with {value} đồng. The figures are in the table below.",
  "reports.chart.empty": "No sales in the period to chart.",

  "reports.export.title": "Download and print",
  "reports.export.intro":
    "Every table downloads as CSV (opens in Excel with Vietnamese intact) or XLSX.",
  "reports.export.csv": "Download CSV",
  "reports.export.xlsx": "Download XLSX",
  "reports.export.of": "table “{table}”",
  "reports.print.link": "A4 print view",
  "reports.print.title": "Report on the support to women's economic development",
  "reports.print.print": "Print the report",
  "reports.print.back": "Back to the report",
  "reports.print.madeOn": "Made on {date} from the Cung Cầu marketplace.",
  "reports.print.preparedBy": "Prepared by",
  "reports.print.approvedBy": "Head of the unit",
  "reports.print.signHint": "(Signature and full name)",

  "reports.errors.dateInvalid":
    "Not a valid date: choose a real day written year-month-day, for example 2026-07-01.",
  "reports.errors.dateMissing": "Choose both the “From” and the “To” date.",
  "reports.errors.periodReversed": "“To” must be the same day as “From” or later.",
  "reports.errors.periodTooLong": "A report covers at most {maxDays} days.",
  "reports.errors.unknownUnit": "There is no unit “{code}” in your part of the Union.",
  "reports.errors.unknownTable": "The report has no table “{table}”.",
};
