"use client";
// The charts load on their own, after the page: recharts is the heaviest library the app ships.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";

function ChartLoading() {
  const t = useTranslations("reports");
  return (
    <div className="grid h-full place-items-center" aria-busy="true">
      <Spinner label={t("chartLoading")} />
    </div>
  );
}

export const CostChart = dynamic(() => import("./cost-chart-client").then((m) => m.CostChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

export const EnergyCharts = dynamic(() => import("./energy-charts-client").then((m) => m.EnergyCharts), {
  ssr: false,
  loading: () => <ChartLoading />,
});
