"""The search index is fetched when a reader opens search, not on every first visit.

Material's bundle requests `search/search_index.json` (Persian 84 KB, English 63 KB
gzipped: the largest item of most pages) as soon as a page loads, whether or not the
reader ever searches. A short script at the top of each page holds that one request back
until the reader goes for the search box (pointer or touch on it, or focus in its field,
which Material's keyboard shortcuts also give); Material then says "Initializing search"
until the index arrives, as it does today on a slow line. A page opened from a search
result (`?h=` in its address, for `search.highlight`) asks at once. The offline copy,
opened from file://, loads its index as a script instead and is not affected.
"""

SCRIPT = (
    "<script>(()=>{const X=XMLHttpRequest.prototype,open=X.open,send=X.send,held=[];"
    "let go=/[?&]h=/.test(location.search);"
    "X.open=function(m,u){this._index=/search\\/search_index\\.json$/.test(u);return open.apply(this,arguments)};"
    "X.send=function(){if(this._index&&!go)return void held.push([this,arguments]);return send.apply(this,arguments)};"
    "const start=e=>{if(!go&&e.target.closest&&e.target.closest('.md-search,label[for=\"__search\"]')){"
    "go=true;held.splice(0).forEach(([r,a])=>send.apply(r,a))}};"
    "for(const t of['pointerdown','focusin'])addEventListener(t,start,true)})()</script>"
)


def hold_search_index(output):
    """The page with the script that holds the search index back until search is opened."""
    return output.replace("</head>", SCRIPT + "</head>", 1)
