/* What Material's bundle reads first, in one file instead of on every page (loaded just
   before the bundle: main.html, partials/javascripts/base.html).
   Its storage helpers, as Material writes them inline, with the scope its template gives:
   the language's root, this file's folder's parent (assets/..).
   The page's <link rel=alternate>s renamed: Material fetches <alternate>/sitemap.xml for
   each to keep readers on the same page; our header's language links are exact already,
   and the rel keeps the "alternate" token for any reader of the DOM. */
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
document.querySelectorAll("link[rel=alternate]").forEach(function (l) { l.setAttribute("rel", "alternate na-alternate"); });
