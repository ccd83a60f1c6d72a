"use client";

import { useActionState } from "react";
import type { FormState } from "../app/actions";

export interface Field {
  name: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
}

interface Props {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  fields: readonly Field[];
  submit: string;
  pending: string;
  /** Values the form carries unseen, e.g. where to go after the sign-in. */
  hidden?: Record<string, string>;
}

/** A form bound to a Server Action; the action's error (the lab's Russian message) appears above the button. */
export function AuthForm({ action, fields, submit, pending, hidden = {} }: Props) {
  const [state, formAction, isPending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <label key={field.name}>
          {field.label}
          <input
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            defaultValue={field.type === "password" ? undefined : state.values?.[field.name]}
            required
          />
        </label>
      ))}
      {state.error ? (
        <p className="error" role="alert" data-testid="form-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={isPending}>
        {isPending ? pending : submit}
      </button>
    </form>
  );
}
