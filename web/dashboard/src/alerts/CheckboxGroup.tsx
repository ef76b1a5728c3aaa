interface CheckboxGroupProps<Value extends string> {
  legend: string;
  hint?: string;
  options: readonly { value: Value; label: string }[];
  value: readonly Value[];
  onChange: (value: Value[]) => void;
}

/** A fieldset of checkboxes whose legend names the group for assistive technology. */
export function CheckboxGroup<Value extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
}: CheckboxGroupProps<Value>) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="checkbox-row">
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...value, option.value]
                    : value.filter((item) => item !== option.value),
                )
              }
            />{' '}
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
