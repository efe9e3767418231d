"use client";
// The booking wizard: charger → time window → who charges → review → confirm. One form on the schema the
// server validates with, checked step by step; a taken charge point (409) offers free ones to book instead.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { createBookingAction, retryBookingAction, type BookingResult } from "@/lib/actions/bookings";
import type { ActionFailure } from "@/lib/actions/errors";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { FleetDriver } from "@/lib/bookings/records";
import { fits, type BookableVehicle } from "@/lib/vehicles/compatibility";
import { STRATEGIES_BY_PROVIDER, createBookingInput, type BookableProvider } from "@/lib/bookings/schemas";
import { providersThat } from "@/lib/domain";
import { ChargerStep, type Depot } from "./wizard-charger-step";
import { DriverStep } from "./wizard-driver-step";
import { BookingFailure } from "./wizard-failure";
import {
  FIELDS_ON_FORM,
  REVIEW_STEP,
  STEPS,
  STEP_FIELDS,
  chargerValues,
  initialValues,
  setField,
  stepOf,
} from "./wizard-form";
import { ReviewStep } from "./wizard-review";
import { WindowStep } from "./wizard-window-step";

export interface BookingWizardProps {
  fleetId: string;
  drivers: FleetDriver[];
  /** The fleet's vehicles in service: choosing one leaves only the charge points it can charge at. */
  vehicles: BookableVehicle[];
  depots: Depot[];
  prefilled: BookableEvse | null;
  prefilledProvider?: BookableProvider;
  /** Shown when a "Book" link named a charger that could not be found. */
  prefillProblem?: string;
  initialWindow?: { start?: string; end?: string };
}

export function BookingWizard(props: BookingWizardProps) {
  const t = useTranslations("wizard");
  const common = useTranslations("common");
  const router = useRouter();
  const [step, setStep] = useState(props.prefilled ? 1 : 0);
  const [refused, setRefused] = useState<BookingResult | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useZodForm(createBookingInput, {
    defaultValues: initialValues({
      fleetId: props.fleetId,
      provider: props.prefilledProvider ?? (providersThat("bookings")[0] as BookableProvider),
      prefilled: props.prefilled,
      window: props.initialWindow,
    }),
  });
  const values = form.watch();
  const selected: BookableEvse | null = values.evseUid
    ? {
        locationId: values.locationId,
        evseUid: values.evseUid,
        connectorId: values.connectorId,
        charger: values.charger,
      }
    : null;

  /** Booked: on to the booking's page. Refused: say why, and offer alternatives when it was taken. */
  function handleOutcome(outcome: BookingResult) {
    if (outcome.failure) setRefused(outcome);
    else router.push(`/bookings/${outcome.bookingId}`);
  }
  function handleFailure(failure: ActionFailure | null) {
    if (!failure) return;
    setFormError(showServerErrors(form, failure, FIELDS_ON_FORM));
    const errorStep = stepOf(Object.keys(failure.fieldErrors ?? {}));
    if (errorStep !== null) setStep(errorStep);
  }
  const create = useAction(createBookingAction, { invalidates: [["bookings"]], onSuccess: handleOutcome });
  const retry = useAction(retryBookingAction, { invalidates: [["bookings"]], onSuccess: handleOutcome });
  // A booking made stays "pending" while its page opens, so it cannot be confirmed twice.
  const booked = [create, retry].some((m) => m.isSuccess && !m.data.failure);
  const pending = create.isPending || retry.isPending || booked;

  function chooseEvse(evse: BookableEvse | null) {
    const charger = chargerValues(evse);
    setField(form, "locationId", charger.locationId);
    setField(form, "evseUid", charger.evseUid);
    setField(form, "connectorId", charger.connectorId);
    setField(form, "charger", charger.charger);
  }

  /** A vehicle: its regular driver charges unless someone is chosen; a charge point it cannot use is let go. */
  function chooseVehicle(vehicle: BookableVehicle | null) {
    setField(form, "vehicleId", vehicle?.id);
    if (vehicle?.defaultDriverId && !form.getValues("driverId")) setField(form, "driverId", vehicle.defaultDriverId);
    const standard = form.getValues("charger").connectorStandard;
    if (vehicle && form.getValues("evseUid") && !fits(vehicle, { standard })) chooseEvse(null);
  }

  function chooseProvider(provider: BookableProvider) {
    setField(form, "provider", provider);
    setField(form, "tokenStrategy", STRATEGIES_BY_PROVIDER[provider][0]);
    chooseEvse(null);
  }

  async function goNext() {
    if (await form.trigger([...STEP_FIELDS[step]])) setStep(step + 1);
  }

  const confirm = form.handleSubmit(
    (input) => {
      setFormError(null);
      create.mutate(input, { onError: (error) => handleFailure(failureOf(error)) });
    },
    // Something an earlier step holds went wrong since (the start is too close now): back to that step.
    (errors) => {
      const errorStep = stepOf(Object.keys(errors));
      if (errorStep !== null) setStep(errorStep);
      else setFormError(t("notSendable"));
    },
  );

  function bookInstead(failedBookingId: string, alternative: BookableEvse) {
    setFormError(null);
    chooseEvse(alternative);
    retry.mutate(
      {
        fleetId: props.fleetId,
        bookingId: failedBookingId,
        evseUid: alternative.evseUid,
        locationId: alternative.locationId,
        charger: alternative.charger,
      },
      { onError: (error) => handleFailure(failureOf(error)) },
    );
  }

  const errors = form.formState.errors;
  return (
    <div className="space-y-6">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={t("steps.label")}>
        {STEPS.map((name, index) => (
          <li
            key={name}
            aria-current={index === step ? "step" : undefined}
            className={index === step ? "font-semibold text-brand-700 dark:text-brand-300" : "text-slate-500"}
          >
            {index + 1}. {t(`steps.${name}`)}
          </li>
        ))}
      </ol>

      {props.prefillProblem && <p className="text-sm text-amber-700 dark:text-amber-300">{props.prefillProblem}</p>}

      {step === 0 && (
        <ChargerStep
          fleetId={props.fleetId}
          depots={props.depots}
          provider={values.provider}
          onProvider={chooseProvider}
          selected={selected}
          onSelect={chooseEvse}
          vehicles={props.vehicles}
          vehicle={props.vehicles.find((v) => v.id === values.vehicleId) ?? null}
          onVehicle={chooseVehicle}
          error={
            errors.evseUid?.message ??
            errors.locationId?.message ??
            (errors.charger ? t("chargerIncomplete") : undefined)
          }
          window={{ start: values.windowStart, end: values.windowEnd }}
        />
      )}
      {step === 1 && selected && <WindowStep form={form} timeZone={selected.charger.timeZone} />}
      {step === 2 && <DriverStep form={form} drivers={props.drivers} />}
      {step === REVIEW_STEP && selected && <ReviewStep request={values} drivers={props.drivers} />}

      {formError && (
        <p role="status" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}

      {refused?.failure && (
        <BookingFailure
          result={{ ...refused, failure: refused.failure }}
          pending={pending}
          onBookInstead={(alternative) => bookInstead(refused.bookingId, alternative)}
        />
      )}

      <div className="flex gap-2">
        {step > 0 && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              // Going back changes the request: the refusal was for the old one.
              setRefused(null);
              setStep(step - 1);
            }}
          >
            {common("actions.back")}
          </Button>
        )}
        {step < REVIEW_STEP ? (
          <Button onClick={() => void goNext()} disabled={step === 0 && !selected}>
            {common("actions.next")}
          </Button>
        ) : (
          !refused?.failure && (
            <Button onClick={() => void confirm()} loading={pending}>
              {t("confirm")}
            </Button>
          )
        )}
      </div>
    </div>
  );
}
