"use client";
// Energy per month and the average price per kWh, in one currency; loaded with recharts (chart-loading.tsx).
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import type { CostRow } from "@/lib/reports/cost-report";
import { toMajor } from "./cost-breakdown";

export function EnergyCharts({ rows, currency }: { rows: CostRow[]; currency: string }) {
  const t = useTranslations("reports");
  const f = useFormat();
  const data = rows
    .filter((r) => r.currency === currency)
    .map((r) => ({
      label: f.month(r.key),
      kwh: r.energyWh / 1000,
      energyWh: r.energyWh,
      perKwh: r.perKwhMinor === null ? null : toMajor(r.perKwhMinor, currency),
      perKwhMinor: r.perKwhMinor,
    }));
  type Point = (typeof data)[number];
  return (
    <section aria-label={t("energy.label")} className="grid gap-4 lg:grid-cols-2">
      <Card className="h-64">
        <h2 className="mb-2 font-semibold">{t("energy.perMonth")}</h2>
        <ResponsiveContainer width="100%" height="85%">
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} tickFormatter={(value: number) => f.number(value, 2)} />
            <Tooltip formatter={(_value, _name, item) => f.energy((item.payload as Point).energyWh)} />
            <Bar dataKey="kwh" name={t("energy.energySeries")} fill="#059669" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Card>
      <Card className="h-64">
        <h2 className="mb-2 font-semibold">{t("energy.averagePrice", { currency })}</h2>
        <ResponsiveContainer width="100%" height="85%">
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} tickFormatter={(value: number) => f.number(value, 2)} />
            <Tooltip formatter={(_value, _name, item) => f.money((item.payload as Point).perKwhMinor, currency)} />
            <Line dataKey="perKwh" name={t("energy.priceSeries")} stroke="#d97706" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Card>
    </section>
  );
}
