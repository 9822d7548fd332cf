import { createHash } from "node:crypto";
import { BOROUGHS } from "../domain/boroughs";
import { ETHNIC_GROUPS, LEVELS, OUTCOME_AREAS, PRIORITIES, choiceTitles, type Choice } from "../proforma/proforma";
import { escapeHtml as h } from "./html-escape";
import { entryFacts, entrySections, type LibraryEntry } from "../proforma/public-view";

/**
 * The website export: static, self-contained pages (no outside file, font or script), an index with
 * filters that work from the keyboard and a page per entry. Every user-typed string is escaped, and a
 * Content-Security-Policy lets only the page's own script run, so an entry can never bring script in.
 */

const STYLE = `
body{font-family:"DejaVu Sans",Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff;margin:0}
main,header,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:4px solid #00573f;margin-bottom:1rem}
a{color:#003d7a}a:hover{color:#001f3f}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
form{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem;margin:1rem 0}
label{display:block;font-weight:bold}
select,input{font:inherit;width:100%;padding:.3rem;border:2px solid #4a4a4a;border-radius:3px;background:#fff;color:#1b1b1b}
ul.entries{list-style:none;padding:0}ul.entries>li{border-top:1px solid #6b6b6b;padding:.75rem 0}
.meta{color:#3d3d3d}.text{white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0}
.demo{background:#fff4d6;border:1px solid #8a5a00;padding:0 .3rem}
`.trim();

const FILTER_SCRIPT = `
(function(){
  var form=document.getElementById("filters");var items=[].slice.call(document.querySelectorAll("#results>li"));
  var count=document.getElementById("count");var total=items.length;
  function apply(){
    var f={};[].slice.call(form.querySelectorAll("select")).forEach(function(s){f[s.name]=s.value;});
    var q=form.querySelector("input[name=q]").value.trim().toLowerCase();var shown=0;
    items.forEach(function(li){
      var ok=Object.keys(f).every(function(k){return !f[k]||(" "+(li.getAttribute("data-"+k)||"")+" ").indexOf(" "+f[k]+" ")>=0;});
      if(ok&&q)ok=li.textContent.toLowerCase().indexOf(q)>=0;
      li.hidden=!ok;if(ok)shown++;
    });
    count.textContent="Showing "+shown+" of "+total+" entries";
  }
  form.addEventListener("input",apply);form.addEventListener("change",apply);
  form.addEventListener("submit",function(e){e.preventDefault();apply();});
})();
`.trim();

const SCRIPT_HASH = createHash("sha256").update(FILTER_SCRIPT).digest("base64");

function page(title: string, body: string, withScript: boolean): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src ${withScript ? `'sha256-${SCRIPT_HASH}'` : "'none'"}; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${withScript ? `<script>${FILTER_SCRIPT}</script>` : ""}
</body>
</html>
`;
}

function select(name: string, label: string, all: string, choices: readonly Choice[]): string {
  const options = choices.map((c) => `<option value="${h(c.value)}">${h(c.title)}</option>`).join("");
  return `<div><label for="f-${name}">${h(label)}</label><select id="f-${name}" name="${name}"><option value="">${h(all)}</option>${options}</select></div>`;
}

export function entryFileName(e: LibraryEntry): string {
  return `entries/${e.id}.html`;
}

function indexItem(e: LibraryEntry): string {
  const data = [
    ["borough", e.borough.code],
    ["outcome", e.outcomeAreas.join(" ")],
    ["priority", e.priorities.join(" ")],
    ["ethnic", e.ethnicGroups.join(" ")],
    ["level", e.levels.join(" ")],
  ]
    .map(([k, v]) => `data-${k}="${h(v!)}"`)
    .join(" ");
  const areas = choiceTitles(OUTCOME_AREAS, e.outcomeAreas);
  return `<li ${data}>
<h2><a href="${h(entryFileName(e))}">${h(e.title)}</a></h2>
<p class="meta">${h(e.borough.name)}${areas ? ` · ${h(areas)}` : ""}${e.demo ? ' · <span class="demo">demo entry</span>' : ""}</p>
<p class="text">${h(e.summary)}</p>
</li>`;
}

export function renderIndex(entries: readonly LibraryEntry[], generatedAt: string): string {
  const body = `<a class="skip" href="#results">Skip to the entries</a>
<header><h1>Tackling racial disparities: good practice from East London</h1>
<p>Initiatives shared by the eight East London boroughs through LIIA. Collated ${h(generatedAt.slice(0, 10))}.</p></header>
<main>
<form id="filters" role="search" aria-label="Filter the entries">
${select(
  "borough",
  "Borough",
  "All boroughs",
  BOROUGHS.map((b) => ({ value: b.code, title: b.name })),
)}
${select("outcome", "Outcome area", "All outcome areas", OUTCOME_AREAS)}
${select("priority", "Pan-London priority", "All priorities", PRIORITIES)}
${select("ethnic", "Ethnic group", "All ethnic groups", ETHNIC_GROUPS)}
${select("level", "Level of intervention", "All levels", LEVELS)}
<div><label for="f-q">Search the text</label><input id="f-q" name="q" type="search" autocomplete="off"></div>
</form>
<p id="count" role="status" aria-live="polite">Showing ${entries.length} of ${entries.length} entries</p>
<ul id="results" class="entries">
${entries.map(indexItem).join("\n")}
</ul>
</main>
<footer><p>Shared with consent to publish. Contact details are the boroughs' lead contacts for each initiative.</p></footer>`;
  return page("Good practice library: LIIA East London", body, true);
}

function section(title: string, text: string): string {
  return text ? `<h2>${h(title)}</h2>\n<p class="text">${h(text)}</p>` : "";
}

export function renderEntryPage(e: LibraryEntry): string {
  const facts = entryFacts(e);
  const dl = facts
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`)
    .join("\n");
  const links = e.links.length
    ? `<h2>Links</h2>\n<p>Addresses are shown as text; copy one into your browser to visit it.</p>\n<ul>${e.links.map((l) => `<li><code>${h(l)}</code></li>`).join("")}</ul>`
    : "";
  const body = `<header><p><a href="../index.html">Back to all entries</a></p>
<h1>${h(e.title)}</h1>${e.demo ? '\n<p><span class="demo">Demo entry</span></p>' : ""}</header>
<main>
<dl>
${dl}
</dl>
${entrySections(e)
  .map(([title, text]) => section(title, text))
  .join("\n")}
${links}
</main>`;
  return page(`${e.title}: LIIA good practice`, body, false);
}
