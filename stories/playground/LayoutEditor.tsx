/**
 * A CodeMirror 6 JSON editor that knows the layout's JSON Schema: completion of keys and enum
 * values (widget types, metrics, fields…) and hover docs come from the schema through
 * codemirror-json-schema; inline error marks come from the playground's own check (the zod
 * schema the JSON Schema is derived from), so the marks and the error list always agree.
 */
import { useEffect, useRef } from 'react';
import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonLanguage } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, indentOnInput } from '@codemirror/language';
import { lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { jsonCompletion, jsonSchemaHover, stateExtensions } from 'codemirror-json-schema';
import { checkLayoutText } from './checkLayoutText';
import { locateInJson } from './locateInJson';

/** The JSON Schema type codemirror-json-schema accepts. */
export type EditorSchema = NonNullable<Parameters<typeof stateExtensions>[0]>;

export interface LayoutEditorProps {
  value: string;
  onChange: (text: string) => void;
  schema: EditorSchema;
  /** Accessible name of the editing surface. */
  label: string;
}

/** Inline marks for every problem: on the offending value, or the nearest parent that exists. */
export function layoutDiagnostics(text: string): Diagnostic[] {
  const check = checkLayoutText(text);
  const marks = check.status === 'valid' ? check.warnings : check.problems;
  const severity = check.status === 'valid' ? 'warning' : 'error';
  if (marks.length === 0) return [];
  return marks.map((problem) => {
    if (problem.offset !== undefined) {
      const at = Math.min(problem.offset, text.length);
      return { from: at, to: Math.min(at + 1, text.length), severity, message: problem.message };
    }
    const { from, to } = locateInJson(text, problem.pointer);
    return { from, to, severity, message: `${problem.path}: ${problem.message}` };
  });
}

export function LayoutEditor({ value, onChange, schema, label }: LayoutEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callback, read by the editor's update listener without recreating the editor.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
          autocompletion(),
          hoverTooltip(jsonSchemaHover()),
          stateExtensions(schema),
          linter((v) => layoutDiagnostics(v.state.doc.toString()), { delay: 300 }),
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once per schema; later `value` changes are pushed in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schema, label]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className="rs-playground-editor" />;
}
