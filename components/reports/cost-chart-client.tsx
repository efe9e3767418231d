"use client";
// A breakdown's bar chart of one currency; recharts is loaded with it, only on the reports page (chart-loading.tsx).
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/components/ui/format-provider";

export interface CostChartRow {
  label: string;
  /** Major units, for the axis only. */
  cost: number;
  minor: number;
}

export function CostChart({ rows, currency }: { rows: CostChartRow[]; currency: string }) {
  const t = useTranslations("reports");
  const f = useFormat();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} tickFormatter={(value: number) => f.number(value, 2)} />
        <Tooltip formatter={(_value, _name, item) => f.money((item.payload as CostChartRow).minor, currency)} />
        <Bar dataKey="cost" name={t("breakdown.costSeries", { currency })} fill="#2563eb" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
